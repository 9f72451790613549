import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openApiDocument } from '../support/openapi.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

/** Routes that answered before the document had to say how; each is to get a view class. */
const WITHOUT_SCHEMA: readonly string[] = [
  'GET /assets/{id}',
  'GET /departments/{dept}/assets',
  'GET /departments/{dept}/holdings',
  'GET /departments/{dept}/years/{year}/procurement-summary',
  'GET /departments/{dept}/years/{year}/purchases',
  'GET /departments/{dept}/years/{year}/reconciliation',
  'GET /events/stream',
  'GET /health',
  'GET /purchases/{id}',
  'GET /stocktakes/{id}',
  'PATCH /assets/{id}', // added with the card-details route (#12); its view class is on branch fin-13a
  'PATCH /purchases/{id}',
  'POST /admin/read-models/rebuild',
  'POST /assets/{id}/dispose',
  'POST /assets/{id}/move',
  'POST /departments/{dept}/assets',
  'POST /departments/{dept}/assets/import', // as PATCH /assets/{id}
  'POST /departments/{dept}/stocktakes',
  'POST /departments/{dept}/years/{year}/purchases',
  'POST /purchases/{id}/acceptances',
  'POST /purchases/{id}/cancel',
  'POST /purchases/{id}/contract',
  'POST /stocktakes/{id}/close',
  'POST /stocktakes/{id}/counts',
  'PUT /departments/{dept}/opening-holdings/{date}',
  'PUT /departments/{dept}/years/{year}/ledger-balances',
];

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

  it('every 2xx has a response schema (204 aside), except the routes still listed in WITHOUT_SCHEMA', () => {
    const without = operations
      .filter(([, op]) => !Object.keys(op.responses).some((s) => /^3/.test(s))) // a redirect answers no body
      .filter(([, op]) => !Object.entries(op.responses).some(([s, r]) => /^2/.test(s) && (s === '204' || r.content)))
      .map(([name]) => name)
      .sort();
    // A route added from now on must document its answer (@ApiOkResponse/@ApiCreatedResponse with a
    // DTO class); the list below only shrinks.
    expect(without).toEqual([...WITHOUT_SCHEMA].sort());
  });
});
