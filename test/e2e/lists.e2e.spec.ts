import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api } from '../support/http.js';
import { type OpenApiDocument, openApiDocument, openApiPath } from '../support/openapi.js';
import { fillPath, RESOURCES, resourceKey } from '../support/route-fixtures.js';
import { controllerRoutes, type RouteInfo } from '../support/routes.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

/** The feed is a log read by cursor, not a list: its own shape, a larger page. */
const FEED = new Set(['GET /events']);

describe(`one list convention, for every route that takes a limit (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let lists: RouteInfo[];
  /** A resource of each kind a list hangs off (a stocktake's count sheet), made once. */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT: '100000' });
    doc = await openApiDocument(t);
    lists = controllerRoutes(t.app).filter((route) => {
      if (route.method !== 'GET') return false;
      const operation = doc.paths[openApiPath(route.path)]?.get as { parameters?: Array<{ name: string; in: string }> } | undefined;
      return (operation?.parameters ?? []).some((p) => p.in === 'query' && p.name === 'limit');
    });
    for (const key of new Set(lists.map(resourceKey))) if (key !== undefined) ids[key] = await RESOURCES[key].create(t, '731');
  });
  afterAll(() => t.close());

  const url = (route: RouteInfo) => fillPath(route.path, '731', ids);

  it('finds the lists (catalog, purchases, assets, API keys) and the feed', () => {
    const names = lists.map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /catalog',
        'GET /departments/:dept/years/:year/purchases',
        'GET /departments/:dept/assets',
        'GET /api-keys',
        'GET /events',
      ]),
    );
  });

  it('every list answers { items, total, offset, limit }, 50 by default, up to 500', async () => {
    for (const route of lists.filter((r) => !FEED.has(`${r.method} ${r.path}`))) {
      const first = (await api(t).get(url(route)).expect(200)).body;
      expect([route.path, Object.keys(first).sort()]).toEqual([route.path, ['items', 'limit', 'offset', 'total']]);
      expect([route.path, first.offset, first.limit, Array.isArray(first.items), typeof first.total]).toEqual([
        route.path,
        0,
        50,
        true,
        'number',
      ]);
      expect((await api(t).get(url(route)).query({ limit: 500 }).expect(200)).body.limit).toBe(500);
    }
  });

  it('every list, and the feed, refuses a bad page with the same codes', async () => {
    const failures: string[] = [];
    for (const route of lists) {
      const max = FEED.has(`${route.method} ${route.path}`) ? 1000 : 500;
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ limit: max + 1 }, 'VALIDATION.MAX', 'limit'],
        [{ limit: 0 }, 'VALIDATION.MIN', 'limit'],
        [{ limit: 'abc' }, 'VALIDATION.TYPE', 'limit'],
        [{ limit: '1.5' }, 'VALIDATION.TYPE', 'limit'],
      ];
      if (!FEED.has(`${route.method} ${route.path}`))
        cases.push([{ offset: -1 }, 'VALIDATION.MIN', 'offset'], [{ offset: 'x' }, 'VALIDATION.TYPE', 'offset']);
      for (const [query, code, field] of cases) {
        const res = await api(t).get(url(route)).query(query);
        if (res.status !== 400 || res.body.code !== code || res.body.field !== field) {
          failures.push(`${route.path} ${JSON.stringify(query)} → ${res.status} ${JSON.stringify(res.body)}, expected ${code}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('the feed keeps its cursor shape, up to 1000 a page', async () => {
    const page = (await api(t).get('/events').query({ limit: 1000 }).expect(200)).body;
    expect(Object.keys(page).sort()).toEqual(['events', 'head', 'next']);
  });
});
