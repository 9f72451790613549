import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { PERMISSIONS, type Permission, ROLE_PERMISSIONS, ROLES, rolesGrant } from './permissions.js';

const WRITES = PERMISSIONS.filter((p) => !p.endsWith(':read'));

describe('roles (issue #4)', () => {
  it.each<[string, Permission[], Permission[]]>([
    ['admin', [...PERMISSIONS], []],
    [
      'procurement_officer',
      ['budget:read', 'budget:write', 'purchases:read', 'purchases:write', 'purchases:accept', 'history:read'],
      ['assets:write', 'admin', 'feed:read'],
    ],
    [
      'asset_manager',
      ['assets:read', 'assets:write', 'purchases:read', 'purchases:accept', 'history:read'],
      ['purchases:write', 'budget:write', 'admin', 'feed:read'],
    ],
    [
      'budget_system',
      ['budget:write', 'feed:read', 'history:read', 'consumers:read', 'consumers:write'],
      ['purchases:write', 'purchases:accept', 'assets:write', 'admin'],
    ],
    ['auditor', ['budget:read', 'purchases:read', 'assets:read', 'cross-checks:read', 'feed:read', 'history:read'], WRITES],
  ])('%s is granted what its job needs and nothing it must not do', (role, granted, denied) => {
    for (const p of granted) expect([p, rolesGrant([role], p)]).toEqual([p, true]);
    for (const p of denied) expect([p, rolesGrant([role], p)]).toEqual([p, false]);
  });

  it('the auditor reads everything and writes nothing', () => {
    expect([...ROLE_PERMISSIONS.auditor].sort()).toEqual(PERMISSIONS.filter((p) => p.endsWith(':read')).sort());
  });

  it('every role may look up the catalog and read the history of one stream', () => {
    for (const role of ROLES)
      expect([role, rolesGrant([role], 'catalog:read'), rolesGrant([role], 'history:read')]).toEqual([role, true, true]);
  });

  it('roles add up; unknown roles grant nothing', () => {
    expect(rolesGrant(['auditor', 'procurement_officer'], 'purchases:write')).toBe(true);
    expect(rolesGrant(['superuser', 'root', '__proto__', 'constructor'], 'catalog:read')).toBe(false);
    expect(rolesGrant([], 'catalog:read')).toBe(false);
  });
});

describe('the role table of README.md', () => {
  /** permission → roles marked ✓, as README prints them between the role-table markers. */
  function documented(): Record<string, string[]> {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const table = readme.split('<!-- role-table -->')[1].split('<!-- /role-table -->')[0];
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    const header = table
      .split('\n')
      .find((line) => line.startsWith('| permission'))!
      .split('|')
      .map((c) => c.trim());
    return Object.fromEntries(
      rows.map((row) => {
        const cells = row.split('|').map((c) => c.trim());
        const roles = header.flatMap((role, i) => (cells[i] === '✓' ? [role] : []));
        return [cells[1].replaceAll('`', ''), roles];
      }),
    );
  }

  it('is ROLE_PERMISSIONS, permission by permission and role by role', () => {
    const actual = Object.fromEntries(PERMISSIONS.map((p) => [p, ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(p))]));
    expect(documented()).toEqual(actual);
  });
});
