// Bad input: invalid requests generated (fast-check, seeded) from the OpenAPI document at
// /docs-json across every write route — wrong types, bad codes, over-precise money, huge numbers,
// unicode and control characters, missing fields, oversized arrays, bodies that are no object —
// each answered 4xx in the error shape, with `field` when a field is at fault; never 5xx, never
// 2xx, and the log has exactly the events it had before.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { BASE, PLAN, QUICK, environment, figures, seed } from './support.mjs';

const REQUESTS = QUICK ? 2_000 : 10_000;
const CONCURRENCY = 16;
const SEED = Number(process.env.RELIABILITY_SEED ?? 20241202);
let env;
after(() => env?.dispose());

const MONEY =
  /amount|price|budget|value|reserved|general_budget|gov_fund|state_capital|fiscal_special_account|unit_funds|carry_over|count$/i;
const DATE = /On$|^asOf$|^date$/;
const CODE = /Code$|^category$/;

function resolve(doc, schema) {
  return schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema;
}

/** A plausible body from the schema's examples; the mutation is what makes it invalid. */
function baseValue(doc, schema, name = '') {
  const s = resolve(doc, schema) ?? {};
  if (s.example !== undefined) return s.example;
  if (s.type === 'object' && s.properties) {
    return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, baseValue(doc, v, k)]));
  }
  if (s.type === 'array') return [baseValue(doc, s.items, name)];
  if (s.type === 'object') return {};
  if (MONEY.test(name)) return '100.00';
  if (DATE.test(name)) return '2024-05-01';
  if (CODE.test(name)) return 'A02021301';
  return s.type === 'number' || s.type === 'integer' ? 1 : s.type === 'boolean' ? true : '某物';
}

/** Every (path in the body, schema) of string, array and object fields, to aim mutations at. */
function fields(doc, schema, prefix = []) {
  const s = resolve(doc, schema) ?? {};
  const out = [];
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    const r = resolve(doc, v) ?? {};
    out.push({ path: [...prefix, k], schema: r, required: (s.required ?? []).includes(k) });
    if (r.type === 'array') out.push(...fields(doc, r.items, [...prefix, k, 0]));
    if (r.type === 'object' && r.properties) out.push(...fields(doc, r, [...prefix, k]));
  }
  return out;
}

function setIn(body, path, value, remove = false) {
  const copy = structuredClone(body);
  let at = copy;
  for (const key of path.slice(0, -1)) {
    if (at[key] === undefined || at[key] === null || typeof at[key] !== 'object') at[key] = typeof key === 'number' ? [] : {};
    at = at[key];
  }
  if (remove) delete at[path[path.length - 1]];
  else at[path[path.length - 1]] = value;
  return copy;
}

const HUGE = ['99999999999999999999999999.00', '1e400', '9223372036854775808', 'Infinity', 'NaN', 1e308];
const CONTROL = ['\u0000', '\u0000abc', 'abc\u0000'];
const WEIRD_CODES = [
  '\u0007A02021301',
  'A0202130１',
  'Ａ02021301',
  '\u202eA02021301',
  'ZZZ',
  '',
  ' ',
  '../../etc',
  "A02021301' OR '1'='1",
  '𝐀02021301',
];
const BAD_DATES = ['2024-02-30', '2024-13-01', '24-01-01', '2024-01-01T25:00', '\u202e2024-01-01', '٢٠٢٤-٠١-٠١', '9999999-01-01'];
const OVER_PRECISE = ['1.001', '0.001', '100.005', '-1.00', '1,000.00', '1 000.00', '１００.００', '0x10', '1e2'];
const WRONG_TYPES = [{ nested: true }, [1, 2], true, {}, []];

/** The mutations of one field, each certainly invalid for any field of that kind. */
function mutationsOf(field) {
  const name = String(field.path.filter((p) => typeof p === 'string').pop());
  const m = [];
  // A field the document gives no type, or an object type without properties and nullable
  // (move's location and custodian: strings or null in fact), gets no wrong-type mutation: the
  // document does not say what its right type is.
  const t = field.schema.type;
  const typed = t === 'array' || (t === 'string' && !field.schema.nullable) || (t === 'object' && field.schema.properties);
  if (field.required) m.push({ kind: 'missing', remove: true });
  if (t === 'string' || t === undefined || (t === 'object' && !field.schema.properties)) {
    m.push(...CONTROL.map((v) => ({ kind: 'control character', value: v })));
    if (typed) m.push(...WRONG_TYPES.map((v) => ({ kind: 'wrong type', value: v })));
    if (MONEY.test(name)) m.push(...[...OVER_PRECISE, ...HUGE].map((v) => ({ kind: 'bad money', value: v })));
    if (DATE.test(name)) m.push(...BAD_DATES.map((v) => ({ kind: 'bad date', value: v })));
    if (CODE.test(name)) m.push(...WEIRD_CODES.map((v) => ({ kind: 'bad code', value: v })));
  }
  if (t === 'array') {
    m.push({ kind: 'wrong type', value: 'not an array' }, { kind: 'wrong type', value: { 0: 'x' } });
    m.push({ kind: 'oversized array', value: Array.from({ length: 20_001 }, () => ({ note: '\u0000' })) });
  }
  if (t === 'object' && typed) m.push(...['text', 42, [1]].map((v) => ({ kind: 'wrong type', value: v })));
  return m.map((x) => ({ ...x, field: field.path.join('.') }));
}

const NOT_AN_OBJECT = [
  { kind: 'not an object', raw: '[]' },
  { kind: 'not an object', raw: '"text"' },
  { kind: 'not an object', raw: '42' },
  { kind: 'not an object', raw: 'null' },
  { kind: 'malformed json', raw: '{"a":' },
  { kind: 'malformed json', raw: "{'a': 1}" },
  { kind: 'deep nesting', raw: '{"a":'.repeat(40) + '1' + '}'.repeat(40) },
];

test(`${REQUESTS} generated invalid requests across every write route: 4xx, never 5xx, nothing written`, async () => {
  env = await environment('badinput');
  const service = await env.start();
  const call = env.call(service);
  await seed(call);
  // Real resources for the routes that address one, so bodies are judged, not only ids.
  const purchase = (await call('POST', `${BASE}/purchases`, PLAN)).body;
  await call('POST', `/purchases/${purchase.id}/contract`, {
    supplier: '某公司',
    contractNo: 'HT-1',
    amount: '10000.00',
    signedOn: '2024-03-01',
  });
  await call('POST', `/purchases/${purchase.id}/acceptances`, { quantity: '2', amount: '10000.00', acceptedOn: '2024-04-01' });
  const assets = (await call('GET', `/departments/731/assets`)).body;
  const assetId = (assets.items ?? assets)[0].id;
  const stocktake = (await call('POST', '/departments/731/stocktakes', { asOf: '2024-12-31' })).body;
  const idFor = (path) => (path.startsWith('/purchases') ? purchase.id : path.startsWith('/assets') ? assetId : stocktake.id);
  const params = { dept: '731', year: '2024', projectCode: 'P001', economicCode: '31002', date: '2024-01-01' };

  const doc = (await call('GET', '/docs-json')).body;
  const routes = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      if (!['post', 'put', 'patch'].includes(method) || !schema) continue;
      const path = template.replace(/\{(\w+)\}/g, (_, p) => (p === 'id' ? idFor(template) : params[p]));
      const ifMatch = (op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'If-Match');
      const mutations = [...fields(doc, schema).flatMap(mutationsOf), ...NOT_AN_OBJECT];
      routes.push({ method: method.toUpperCase(), path, template, base: baseValue(doc, schema), mutations, ifMatch });
    }
  }
  assert.ok(routes.length >= 15, `only ${routes.length} write routes with a body in /docs-json`);

  const [{ n: eventsBefore }] = await env.query('SELECT count(*)::int AS n FROM events');
  const requests = fc.sample(
    fc.constantFrom(...routes).chain((route) =>
      fc.record({
        route: fc.constant(route),
        mutation: fc.constantFrom(...route.mutations),
        second: fc.option(fc.constantFrom(...route.mutations)),
      }),
    ),
    { numRuns: REQUESTS, seed: SEED },
  );

  const byStatus = {};
  const byKind = {};
  const problems = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests.length) {
        const { route, mutation, second } = requests[next++];
        let body =
          mutation.raw ??
          setIn(
            route.base,
            mutation.field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
            mutation.value,
            mutation.remove,
          );
        if (second && !mutation.raw && !second.raw)
          body = setIn(
            body,
            second.field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
            second.value,
            second.remove,
          );
        const headers = route.ifMatch && next % 3 === 0 ? { 'If-Match': ['abc', '-1', '1.5', '99999999999999999999'][next % 4] } : {};
        let res;
        try {
          res = await call(route.method, route.path, typeof body === 'string' ? body : JSON.stringify(body), headers);
        } catch (error) {
          problems.push({ route: route.template, mutation: mutation.kind, error: String(error) });
          continue;
        }
        byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
        byKind[mutation.kind] = (byKind[mutation.kind] ?? 0) + 1;
        const shaped =
          res.body && typeof res.body.code === 'string' && typeof res.body.message === 'string' && res.body.statusCode === res.status;
        const fieldExpected = res.status === 400 && !mutation.raw && !headers['If-Match'] && mutation.kind !== 'oversized array';
        if (res.status < 400 || res.status >= 500 || !shaped || (fieldExpected && !res.body.field)) {
          problems.push({
            route: `${route.method} ${route.template}`,
            mutation: mutation.kind,
            field: mutation.field,
            value: String(mutation.value ?? mutation.raw).slice(0, 40),
            status: res.status,
            answer: JSON.stringify(res.body).slice(0, 200),
          });
        }
      }
    }),
  );
  const [{ n: eventsAfter }] = await env.query('SELECT count(*)::int AS n FROM events');
  figures('bad input', {
    requests: requests.length,
    routes: routes.length,
    seed: SEED,
    seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    byStatus,
    byKind,
    problems: problems.length,
    eventsBefore,
    eventsAfter,
  });
  assert.deepEqual(
    problems.filter((p) => !p.error).slice(0, 12),
    [],
    `${problems.length} answers were not a 4xx in the error shape (with field)`,
  );
  assert.equal(eventsAfter, eventsBefore, 'invalid requests wrote events');
});
