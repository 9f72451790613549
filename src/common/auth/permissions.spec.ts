import { describe, expect, it } from '@jest/globals';
import { PERMISSIONS, type Permission, ROLE_PERMISSIONS, ROLES, rolesGrant } from './permissions.js';

const WRITES = PERMISSIONS.filter((p) => !p.endsWith(':read'));

describe('roles (issue #4)', () => {
  it.each<[string, Permission[], Permission[]]>([
    ['admin', [...PERMISSIONS], []],
    ['procurement_officer', ['budget:read', 'purchases:read', 'purchases:write'], ['budget:write', 'assets:write', 'admin', 'feed:read']],
    ['asset_manager', ['assets:read', 'assets:write', 'purchases:read'], ['purchases:write', 'budget:write', 'admin']],
    ['budget_system', ['budget:write', 'feed:read', 'consumers:read', 'consumers:write'], ['purchases:write', 'assets:write', 'admin']],
    ['auditor', ['budget:read', 'purchases:read', 'assets:read', 'cross-checks:read', 'feed:read'], WRITES],
  ])('%s is granted what its job needs and nothing it must not do', (role, granted, denied) => {
    for (const p of granted) expect([p, rolesGrant([role], p)]).toEqual([p, true]);
    for (const p of denied) expect([p, rolesGrant([role], p)]).toEqual([p, false]);
  });

  it('the auditor reads everything and writes nothing', () => {
    expect([...ROLE_PERMISSIONS.auditor].sort()).toEqual(PERMISSIONS.filter((p) => p.endsWith(':read')).sort());
  });

  it('every role may look up the catalog', () => {
    for (const role of ROLES) expect(rolesGrant([role], 'catalog:read')).toBe(true);
  });

  it('roles add up; unknown roles grant nothing', () => {
    expect(rolesGrant(['auditor', 'procurement_officer'], 'purchases:write')).toBe(true);
    expect(rolesGrant(['superuser', 'root', '__proto__', 'constructor'], 'catalog:read')).toBe(false);
    expect(rolesGrant([], 'catalog:read')).toBe(false);
  });
});
