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
  'assets:read',
  'assets:write',
  'cross-checks:read',
  'feed:read',
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
 * The role list, and what each role needs to do its job: every role may look up the
 * catalog; an officer plans against the budget and sees the cross-checks of what it planned; an
 * asset manager receives assets from accepted purchases (stocktakes and ledger balances are
 * `assets:write`); the budget system pushes budget lines in and follows the log out.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  procurement_officer: ['catalog:read', 'budget:read', 'purchases:read', 'purchases:write', 'cross-checks:read'],
  asset_manager: ['catalog:read', 'budget:read', 'purchases:read', 'assets:read', 'assets:write', 'cross-checks:read'],
  budget_system: [
    'catalog:read',
    'budget:read',
    'budget:write',
    'purchases:read',
    'cross-checks:read',
    'feed:read',
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
