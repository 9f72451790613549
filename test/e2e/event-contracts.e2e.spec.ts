import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const committed = (name: string) => JSON.parse(readFileSync(new URL(`../../contracts/${name}`, import.meta.url), 'utf8')) as unknown;

describe(`published contracts over HTTP (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('GET /asyncapi.json is public and is the committed document', async () => {
    const res = await request(t.server()).get('/asyncapi.json').expect(200);
    expect(res.body.asyncapi).toBe('3.0.0');
    expect(res.body).toEqual(committed('asyncapi.json'));
  });

  it('GET /schemas/events/:type is the current version, /:type/:version that version (JSON Schema 2020-12)', async () => {
    const current = await request(t.server()).get('/schemas/events/PurchasePlanned').expect(200);
    expect(current.body.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(current.body).toEqual(committed('PurchasePlanned.v1.json'));
    const v1 = await request(t.server()).get('/schemas/events/PurchasePlanned/1').expect(200);
    expect(v1.body).toEqual(current.body);
    expect(v1.body.properties.data.properties.amount).toMatchObject({ type: 'string', pattern: '^-?\\d+\\.\\d{2}$' });
    expect(v1.body.properties.data.properties.purchaseId).toMatchObject({ type: 'string', format: 'uuid' });
  });

  it('an unknown type or version is 404 with the error shape', async () => {
    const type = await request(t.server()).get('/schemas/events/NoSuchEvent').expect(404);
    expect(type.body).toEqual({ statusCode: 404, code: 'EVENT_SCHEMA.UNKNOWN_TYPE', message: expect.any(String), field: 'type' });
    const version = await request(t.server()).get('/schemas/events/PurchasePlanned/9').expect(404);
    expect(version.body).toEqual({ statusCode: 404, code: 'EVENT_SCHEMA.UNKNOWN_VERSION', message: expect.any(String), field: 'version' });
    await request(t.server()).get('/schemas/events/NoSuchEvent/1').expect(404);
  });
});
