/**
 * What a route needs, named by resource and action. Roles are granted permissions in one table
 * (ROLE_PERMISSIONS), so a route names what it does, never who may do it.
 */
export const ROLES = ['admin', 'procurement_officer', 'asset_manager', 'budget_system', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'catalog:read',
  'budget:read',
  'budget:write',
  'purchases:read',
  'purchases:write',
  /** Recording an acceptance (验收): the officer who bought and the asset manager who receives. */
  'purchases:accept',
  'assets:read',
  'assets:write',
  'cross-checks:read',
  'feed:read',
  /** One stream's history (`GET /streams/:id`) in the caller's departments; the whole feed stays `feed:read`. */
  'history:read',
  'consumers:read',
  'consumers:write',
  'metrics:read',
  /** Key management and operations on the whole register (read-model rebuilds). */
  'admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Read-only everything (still limited to the credential's departments). */
const READ_ALL: readonly Permission[] = PERMISSIONS.filter((p) => p.endsWith(':read'));

/**
 * What each role needs to do its job (README, "Roles", prints this table): every role may look up
 * the catalog and read the history of one purchase or card; an officer plans against the budget,
 * sets the budget lines it plans against and records the acceptance it takes part in; an asset
 * manager receives assets from accepted purchases (and records that acceptance; stocktakes and
 * ledger balances are `assets:write`); the budget system pushes budget lines in and follows the
 * log out; the auditor reads everything and writes nothing.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  procurement_officer: [
    'catalog:read',
    'budget:read',
    'budget:write',
    'purchases:read',
    'purchases:write',
    'purchases:accept',
    'cross-checks:read',
    'history:read',
  ],
  asset_manager: [
    'catalog:read',
    'budget:read',
    'purchases:read',
    'purchases:accept',
    'assets:read',
    'assets:write',
    'cross-checks:read',
    'history:read',
  ],
  budget_system: [
    'catalog:read',
    'budget:read',
    'budget:write',
    'purchases:read',
    'cross-checks:read',
    'feed:read',
    'history:read',
    'consumers:read',
    'consumers:write',
  ],
  auditor: READ_ALL,
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function rolesGrant(roles: readonly string[], permission: Permission): boolean {
  return roles.some((role) => isRole(role) && ROLE_PERMISSIONS[role].includes(permission));
}
