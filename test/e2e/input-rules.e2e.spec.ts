import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api } from '../support/http.js';
import {
  exampleOf,
  fieldsOf,
  type OpenApiDocument,
  openApiDocument,
  requestBodySchema,
  resolve,
  type Schema,
  stringFields,
  withValue,
  withoutValue,
} from '../support/openapi.js';
import { fillPath, RESOURCES, resourceKey } from '../support/route-fixtures.js';
import { controllerRoutes, type RouteInfo } from '../support/routes.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const DEPT = '731';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A value of the wrong JSON type for a property of `schema`. */
function wrongType(schema: Schema): unknown {
  switch (schema.type) {
    case 'boolean':
      return 'yes';
    case 'object':
    case 'array':
      return 'x';
    default:
      // strings (money and quantities included, which also take a JSON number), numbers, oneOf
      return true;
  }
}

/** Money as documented: a 元 example with 2 decimals. */
const isMoney = (schema: Schema) => typeof schema.example === 'string' && /^\d+\.\d{2}$/.test(schema.example);

const HYGIENE: Array<[string, string, string]> = [
  ['lone high surrogate', 'a\ud800', 'VALIDATION.LONE_SURROGATE'],
  ['lone low surrogate', '\udc00a', 'VALIDATION.LONE_SURROGATE'],
  ['C0 control (ESC)', 'a\u001bb', 'VALIDATION.CONTROL_CHARACTER'],
  ['C1 control (CSI)', 'a\u009bb', 'VALIDATION.CONTROL_CHARACTER'],
  ['bidi override', 'a\u202eb', 'VALIDATION.BIDI_CONTROL'],
  ['bidi isolate', 'a\u2066b', 'VALIDATION.BIDI_CONTROL'],
];

const BUILT_IN_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

describe(`input rules of every write route, generated from the OpenAPI document (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let writes: Array<{ route: RouteInfo; path: string; schema: Schema; example: Record<string, unknown> }>;
  let eventsBefore: number;
  /** Events the suite wrote on purpose (the one accepted prose field). */
  let written = 0;

  const eventCount = async () => Number((await t.dataSource.query(`SELECT count(*)::text AS n FROM events`))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT: '100000' });
    doc = await openApiDocument(t);
    writes = [];
    for (const route of controllerRoutes(t.app).filter((r) => WRITES.has(r.method))) {
      const schema = requestBodySchema(doc, route.method, route.path);
      if (!schema) continue;
      const key = resourceKey(route);
      const ids = key ? { [key]: await RESOURCES[key].create(t, DEPT) } : {};
      writes.push({ route, path: fillPath(route.path, DEPT, ids), schema, example: exampleOf(doc, schema) as Record<string, unknown> });
    }
    eventsBefore = await eventCount();
  });
  afterAll(() => t.close());

  function send(route: RouteInfo, path: string, body: unknown, raw = false) {
    const method = route.method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete';
    const req = api(t)[method](path);
    return raw ? req.set('Content-Type', 'application/json').send(body as string) : req.send(body as object);
  }

  /** Collects `cell` when the answer is not a 400 with `code` naming `field`. */
  async function expect400(
    failures: string[],
    what: string,
    res: { status: number; body: Record<string, unknown> },
    code: string,
    field: string | null,
  ) {
    if (res.status !== 400 || res.body.code !== code || res.body.field !== field) {
      failures.push(`${what} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}, expected 400 ${code} on ${field}`);
    }
  }

  it('finds the write routes with a body', () => {
    expect(writes.length).toBeGreaterThanOrEqual(12);
  });

  it('each required field removed, at the top or inside an object or a list item → VALIDATION.REQUIRED naming it', async () => {
    const failures: string[] = [];
    let cases = 0;
    let nested = 0;
    for (const { route, path, schema, example } of writes) {
      for (const field of fieldsOf(doc, schema, example).filter((f) => f.required)) {
        const name = field.path.join('.');
        cases += 1;
        if (field.path.length > 1) nested += 1;
        await expect400(
          failures,
          `${route.method} ${route.path} without ${name}`,
          await send(route, path, withoutValue(example, field.path)),
          'VALIDATION.REQUIRED',
          name,
        );
      }
    }
    expect(cases).toBeGreaterThanOrEqual(25);
    expect(nested).toBeGreaterThanOrEqual(3);
    expect(failures).toEqual([]);
  });

  it('each field of the wrong JSON type, at any depth → VALIDATION.TYPE naming it', async () => {
    const failures: string[] = [];
    for (const { route, path, schema, example } of writes) {
      for (const field of fieldsOf(doc, schema, example)) {
        const value = wrongType(field.schema);
        const name = field.path.join('.');
        const what = `${route.method} ${route.path} ${name}: ${JSON.stringify(value)}`;
        await expect400(failures, what, await send(route, path, withValue(example, field.path, value)), 'VALIDATION.TYPE', name);
      }
    }
    expect(failures).toEqual([]);
  });

  it('each text field with a lone surrogate, a control character or a bidi override → 400 naming it', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const { route, path, schema, example } of writes) {
      for (const field of stringFields(doc, schema, example)) {
        for (const [kind, text, code] of HYGIENE) {
          cases += 1;
          const what = `${route.method} ${route.path} ${field.join('.')} ← ${kind}`;
          await expect400(failures, what, await send(route, path, withValue(example, field, text)), code, field.join('.'));
        }
      }
    }
    expect(cases).toBeGreaterThanOrEqual(100);
    expect(failures).toEqual([]);
  });

  it('tab and line breaks: refused in names, accepted in prose fields (note, reason)', async () => {
    const failures: string[] = [];
    for (const { route, path, schema, example } of writes) {
      for (const field of stringFields(doc, schema, example)) {
        if (/^(note|reason)$/.test(String(field.at(-1)))) continue;
        const what = `${route.method} ${route.path} ${field.join('.')} ← tab`;
        await expect400(
          failures,
          what,
          await send(route, path, withValue(example, field, 'a\tb')),
          'VALIDATION.CONTROL_CHARACTER',
          field.join('.'),
        );
      }
    }
    expect(failures).toEqual([]);
    const before = await eventCount();
    const purchase = await RESOURCES['purchases/:id'].create(t, DEPT);
    await api(t).post(`/purchases/${purchase}/cancel`).send({ reason: '预算调整\n取消采购' }).expect(200);
    written += (await eventCount()) - before;
  });

  it('a required text of only invisible characters is answered as an empty one', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const { route, path, schema, example } of writes) {
      for (const name of schema.required ?? []) {
        if (resolve(doc, schema.properties![name]).type !== 'string' || isMoney(resolve(doc, schema.properties![name]))) continue;
        cases += 1;
        const invisible = await send(route, path, { ...example, [name]: '\u200b\u200d\ufeff' });
        const empty = await send(route, path, { ...example, [name]: '' });
        if (invisible.status < 400 || invisible.status !== empty.status || invisible.body.code !== empty.body.code) {
          failures.push(
            `${route.method} ${route.path} ${name} ← zero-width only → ${invisible.status} ${invisible.body.code}, empty → ${empty.status} ${empty.body.code}`,
          );
        }
      }
    }
    expect(cases).toBeGreaterThanOrEqual(10);
    expect(failures).toEqual([]);
  });

  it('keys named after built-in object properties → VALIDATION.UNKNOWN_FIELD, at the top and inside objects', async () => {
    const failures: string[] = [];
    for (const { route, path, schema, example } of writes) {
      const objects = Object.entries(schema.properties ?? {})
        .filter(([name, p]) => resolve(doc, p).type === 'object' && typeof example[name] === 'object')
        .map(([name]) => name);
      for (const key of BUILT_IN_KEYS) {
        const top = JSON.stringify({ [`${key}-placeholder`]: { x: 1 }, ...example }).replace(`${key}-placeholder`, key);
        await expect400(
          failures,
          `${route.method} ${route.path} ${key}`,
          await send(route, path, top, true),
          'VALIDATION.UNKNOWN_FIELD',
          key,
        );
        for (const name of objects) {
          const inner = JSON.stringify({ ...example, [name]: { ...(example[name] as object), [`${key}-placeholder`]: '1.00' } }).replace(
            `${key}-placeholder`,
            key,
          );
          const what = `${route.method} ${route.path} ${name}.${key}`;
          await expect400(failures, what, await send(route, path, inner, true), 'VALIDATION.UNKNOWN_FIELD', `${name}.${key}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('JSON -0 as money is refused like "-0.00"', async () => {
    const failures: string[] = [];
    for (const { route, path, schema, example } of writes) {
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (!isMoney(resolve(doc, property))) continue;
        const body = JSON.stringify({ ...example, [name]: 0 }).replace(`"${name}":0`, `"${name}":-0`);
        const res = await send(route, path, body, true);
        const text = await send(route, path, { ...example, [name]: '-0.00' });
        if (res.status !== 400 || res.body.field !== name || res.body.code !== text.body.code) {
          failures.push(
            `${route.method} ${route.path} ${name} ← -0 → ${res.status} ${JSON.stringify(res.body)}; "-0.00" → ${text.body.code}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('a malformed JSON body or a bare JSON string → 400 in the error shape with field null', async () => {
    const { route, path } = writes[0];
    for (const raw of ['{"name":', '"just a string"', '[1,2', '12']) {
      const res = await send(route, path, raw, true);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ statusCode: 400, code: expect.any(String), message: expect.any(String), field: null });
    }
  });

  it('wrote nothing but what the prose-field check accepted', async () => {
    expect(written).toBeGreaterThan(0);
    expect(await eventCount()).toBe(eventsBefore + written);
  });
});
