import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiDocument } from '../support/openapi.js';
import { responseMismatches } from '../support/response-schemas.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

type Responses = Record<string, { content?: Record<string, { schema?: unknown }> }>;
type Operation = { security?: unknown[]; responses: Responses };

describe(`the OpenAPI document (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>> };
  let operations: Array<[string, Operation]>;

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await openApiDocument(t)) as unknown as typeof doc;
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op] as [string, Operation]),
    );
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI document (@seriousme/openapi-schema-validator)', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('shows public routes without the lock, and documents 401 and 403 on every other', () => {
    const health = doc.paths['/health'].get;
    expect(health.security).toEqual([]);
    // Public routes (an empty security list: /health, the published contracts, the console
    // redirect) need no 401/403; every other route documents both.
    const missing = operations
      .filter(([, op]) => !(Array.isArray(op.security) && op.security.length === 0))
      .filter(([, op]) => !['401', '403'].every((s) => s in op.responses))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('documents 429 everywhere, and every 4xx with the error shape', () => {
    const failures = operations.flatMap(([name, op]) => [
      ...('429' in op.responses ? [] : [`${name}: no 429`]),
      ...Object.entries(op.responses)
        .filter(([status, r]) => /^4/.test(status) && !r.content?.['application/json']?.schema)
        .map(([status]) => `${name}: ${status} without the error schema`),
    ]);
    expect(failures).toEqual([]);
  });

  it('every 2xx has a response schema (204 aside)', () => {
    const without = operations
      .filter(([, op]) => !Object.keys(op.responses).some((s) => /^3/.test(s))) // a redirect answers no body
      .filter(([, op]) => !Object.entries(op.responses).some(([s, r]) => /^2/.test(s) && (s === '204' || r.content)))
      .map(([name]) => name)
      .sort();
    // Every route documents its answer (@ApiOkResponse/@ApiCreatedResponse with a view class); the
    // answers the suites receive are checked against it as each test app closes (test-app.ts).
    expect(without).toEqual([]);
  });

  it('every write documents the Idempotency-Key it takes and its 422; a write to a record that exists, its 409', () => {
    // A read-model rebuild and a key's revocation are idempotent by nature and take no key.
    const writes = operations.filter(([name]) => !name.startsWith('GET ') && !/^(POST \/admin\/|DELETE \/api-keys\/)/.test(name));
    expect(writes.length).toBeGreaterThan(20);
    const failures = writes.flatMap(([name, op]) => {
      const headers = ((op as { parameters?: Array<{ in: string; name: string }> }).parameters ?? []).filter((p) => p.in === 'header');
      const problems = [];
      if (!headers.some((h) => h.name === 'Idempotency-Key')) problems.push(`${name}: no Idempotency-Key header`);
      if (!('422' in op.responses)) problems.push(`${name}: no 422 (IDEMPOTENCY.KEY_REUSED)`);
      // PUT, PATCH and DELETE change what is there, as does an action on one resource
      // (/purchases/{id}/contract): a rival writer that commits first makes them 409.
      const changesExisting = !name.startsWith('POST ') || /\{id\}\//.test(name);
      if (changesExisting && !('409' in op.responses)) problems.push(`${name}: no 409 (STREAM.VERSION_CONFLICT)`);
      return problems;
    });
    expect(failures).toEqual([]);
  });

  it('reports an answer its schema does not describe, and a status the route does not list', () => {
    const purchase = { method: 'get', route: '/purchases/:id', contentType: 'application/json; charset=utf-8' };
    const problems = responseMismatches(doc, [
      { ...purchase, status: 200, body: { id: 'not-a-uuid', version: '1' } },
      { ...purchase, status: 418, body: { statusCode: 418 } },
      { ...purchase, status: 404, body: { statusCode: 404, code: 'PURCHASE.NOT_FOUND', message: 'No purchase', field: 'id' } },
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^GET \/purchases\/\{id\} → 200: /),
      'GET /purchases/{id} → 418: status not documented',
    ]);
  });
});
