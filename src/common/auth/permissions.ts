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
  'consumers:write',
  'admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = PERMISSIONS.filter((p) => p.endsWith(':read'));

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  procurement_officer: ['catalog:read', 'budget:read', 'purchases:read', 'purchases:write', 'cross-checks:read', 'assets:read'],
  asset_manager: ['catalog:read', 'budget:read', 'purchases:read', 'assets:read', 'assets:write', 'cross-checks:read'],
  budget_system: ['catalog:read', 'budget:read', 'budget:write', 'purchases:read', 'cross-checks:read', 'feed:read', 'consumers:write'],
  auditor: READ_ALL,
};

export function rolesGrant(roles: readonly string[], permission: Permission): boolean {
  return roles.some((role) => (ROLE_PERMISSIONS as Record<string, readonly Permission[] | undefined>)[role]?.includes(permission));
}
