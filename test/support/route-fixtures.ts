import { randomUUID } from 'node:crypto';
import { assetIn, consumerIn, createApiKey, plannedPurchaseIn, stocktakeIn } from './access.js';
import type { RouteInfo } from './routes.js';
import type { TestApp } from './test-app.js';

/**
 * Route parameters that address one department-owned resource: how to make one in a
 * department, and an id of the same kind that exists nowhere. Keyed by the path segment before
 * the parameter. A new resource type (`assets/:id`, `stocktakes/:id`) adds one line here and is
 * then covered by the access matrix and the injection suite.
 */
export const RESOURCES: Record<
  string,
  {
    create: (t: TestApp, dept: string) => Promise<string>;
    missing: () => string;
    /** PUT on a name nobody holds creates it (a consumer checkpoint): only GETs can be compared with a missing one. */
    putCreates?: boolean;
  }
> = {
  'purchases/:id': { create: plannedPurchaseIn, missing: () => randomUUID() },
  'streams/:streamId': {
    create: async (t, dept) => `purchase-${await plannedPurchaseIn(t, dept)}`,
    missing: () => `purchase-${randomUUID()}`,
  },
  'api-keys/:id': { create: async (t, dept) => (await createApiKey(t, ['auditor'], [dept])).id, missing: () => '0123456789abcdef' },
  'assets/:id': { create: assetIn, missing: () => randomUUID() },
  'stocktakes/:id': { create: stocktakeIn, missing: () => randomUUID() },
  'consumers/:name': { create: consumerIn, missing: () => `missing-${randomUUID()}`, putCreates: true },
};

/** Route parameters that name no department-owned resource: one valid value each. */
export const VALUES: Record<string, string> = {
  year: '2024',
  projectCode: 'P001',
  economicCode: '31002',
  code: 'A02021301',
  date: '2023-12-31',
  yearMonth: '2024-06',
  type: 'PurchasePlanned',
  version: '1',
};

/** The parameters of a route path, each with its RESOURCES key (`purchases/:id`). */
export const routeParams = (path: string) =>
  [...path.matchAll(/([^/]+)\/:(\w+)/g)].map(([, segment, name]) => ({ key: `${segment}/:${name}`, name }));

/** The RESOURCES key of the resource a route addresses by id, if it does. */
export const resourceKey = (route: Pick<RouteInfo, 'path'>) =>
  routeParams(route.path).find((p) => p.name !== 'dept' && !(p.name in VALUES))?.key;

/** The path with `dept`, VALUES and resource ids (by RESOURCES key) filled in; `override` replaces any parameter by name. */
export function fillPath(path: string, dept: string, ids: Record<string, string>, override: Record<string, string> = {}): string {
  // Segment by segment, so that two parameters in a row (`:type/:version`) are both filled.
  const parts = path.split('/');
  return parts
    .map((part, i) => {
      if (!part.startsWith(':') || i === 0) return part;
      const name = part.slice(1);
      const key = `${parts[i - 1]}/:${name}`;
      const value = override[name] ?? (name === 'dept' ? dept : name in VALUES ? VALUES[name] : ids[key]);
      if (value === undefined) throw new Error(`no fixture for ${key}: add it to RESOURCES or VALUES (test/support/route-fixtures.ts)`);
      return encodeURIComponent(value);
    })
    .join('/');
}
