import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api } from '../support/http.js';
import { exampleOf, type OpenApiDocument, openApiDocument, requestBodySchema, stringFields, withValue } from '../support/openapi.js';
import { fillPath, RESOURCES, resourceKey, routeParams } from '../support/route-fixtures.js';
import { controllerRoutes, type RouteInfo } from '../support/routes.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const DEPT = '731';

/** What attackers send: SQL, NoSQL operators as text and as objects, a 1 MB string, NUL bytes. */
const PAYLOADS: Array<[string, unknown]> = [
  ['SQL', "'; DROP TABLE events; --"],
  ['NoSQL operator as text', '{"$ne":1}'],
  ['NoSQL operator as object', { $ne: 1 }],
  ['1 MB string', 'x'.repeat(1024 * 1024)],
  ['NUL byte', 'a\u0000b'],
];

/** Path parameters get the same, minus what cannot be a URL (1 MB) or is not text (the object). */
const PATH_PAYLOADS = PAYLOADS.filter(([, v]) => typeof v === 'string' && v.length < 1000);

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function containsExactly(value: unknown, wanted: string): boolean {
  if (value === wanted) return true;
  if (value && typeof value === 'object') return Object.values(value).some((v) => containsExactly(v, wanted));
  return false;
}

async function tables(t: TestApp): Promise<string[]> {
  const rows: Array<{ name: string }> = await t.dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** Whether some row of some table holds `wanted` as a whole string value (in a column or inside jsonb). */
async function storedVerbatim(t: TestApp, wanted: string): Promise<boolean> {
  for (const table of await tables(t)) {
    const rows: Array<{ row: unknown }> = await t.dataSource.query(`SELECT to_jsonb(x) AS row FROM "${table}" x`);
    if (rows.some((r) => containsExactly(r.row, wanted))) return true;
  }
  return false;
}

describe(`injection-shaped input in every string field of every write route (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let writes: RouteInfo[];
  let tablesBefore: string[];
  let eventsBefore: number;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT: '100000' });
    doc = await openApiDocument(t);
    writes = controllerRoutes(t.app).filter((r) => WRITES.has(r.method));
    // A project P001 for the example bodies, and rows in every read model to be dropped.
    await RESOURCES['purchases/:id'].create(t, DEPT);
    tablesBefore = await tables(t);
    eventsBefore = Number((await t.dataSource.query(`SELECT count(*)::text AS n FROM events`))[0].n);
  });
  afterAll(() => t.close());

  /** A fresh resource for each attempt, so a state change by one attempt never masks the next. */
  async function pathOf(route: RouteInfo, override: Record<string, string> = {}): Promise<string> {
    const key = resourceKey(route);
    const ids = key && !(key.split('/:')[1] in override) ? { [key]: await RESOURCES[key].create(t, DEPT) } : {};
    return fillPath(route.path, DEPT, ids, override);
  }

  function send(route: RouteInfo, path: string, body: unknown) {
    const method = route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
    const req = api(t)[method](path);
    return body === undefined ? req : req.send(body as object);
  }

  it('finds write routes and string fields to attack', () => {
    const fields = writes.flatMap((route) => {
      const schema = requestBodySchema(doc, route.method, route.path);
      return schema ? stringFields(doc, schema, exampleOf(doc, schema)) : [];
    });
    expect(writes.length).toBeGreaterThanOrEqual(9);
    expect(fields.length).toBeGreaterThanOrEqual(30);
  });

  it('body fields: each answer is a 4xx, or a 2xx that stored the value verbatim', async () => {
    const failures: string[] = [];
    for (const route of writes) {
      const schema = requestBodySchema(doc, route.method, route.path);
      if (!schema) continue;
      const example = exampleOf(doc, schema);
      for (const field of stringFields(doc, schema, example)) {
        for (const [kind, payload] of PAYLOADS) {
          const res = await send(route, await pathOf(route), withValue(example, field, payload));
          const cell = `${route.method} ${route.path} ${field.join('.')} ← ${kind} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`;
          if (res.status >= 500 || res.status < 200 || (res.status >= 300 && res.status < 400)) failures.push(cell);
          else if (res.status < 300) {
            if (typeof payload !== 'string') failures.push(`${cell}: a non-string was accepted for a string field`);
            else if (!(await storedVerbatim(t, payload))) failures.push(`${cell}: accepted but not stored verbatim`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Every string field of every write route, each payload on a fresh resource, some of 1 MB:
    // minutes on a loaded 2-core machine.
  }, 300_000);

  it('path parameters of write routes: each answer is a 4xx', async () => {
    const failures: string[] = [];
    for (const route of writes) {
      const schema = requestBodySchema(doc, route.method, route.path);
      const body = schema ? exampleOf(doc, schema) : undefined;
      for (const { name } of routeParams(route.path)) {
        for (const [kind, payload] of PATH_PAYLOADS) {
          const res = await send(route, await pathOf(route, { [name]: payload as string }), body);
          if (res.status < 400 || res.status >= 500) {
            failures.push(`${route.method} ${route.path} :${name} ← ${kind} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('the tables are all still there, and the log only grew', async () => {
    expect(await tables(t)).toEqual(tablesBefore);
    const [{ n }]: Array<{ n: string }> = await t.dataSource.query(`SELECT count(*)::text AS n FROM events`);
    expect(Number(n)).toBeGreaterThan(eventsBefore);
    for (const table of tablesBefore) await t.dataSource.query(`SELECT 1 FROM "${table}" LIMIT 1`);
  });
});
