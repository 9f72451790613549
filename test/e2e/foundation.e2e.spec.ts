import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { TransactionRunner } from '../../src/database/transaction-runner.js';
import { EventStore } from '../../src/event-log/infrastructure/event-store.js';
import { testContext } from '../support/context.js';
import { api } from '../support/http.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

describe(`HTTP surface of the foundation (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const store = t.app.get(EventStore);
    const runner = t.app.get(TransactionRunner);
    for (let i = 1; i <= 5; i++) {
      await runner.run(testContext(), (tx) =>
        store.append(
          tx,
          `e2e-${i}`,
          { department: '731', budgetYear: 2024 },
          [{ type: i === 3 ? 'Other' : 'Seeded', data: { i, amount: '1900.00' } }],
          'no_stream',
        ),
      );
    }
  });
  afterAll(() => t.close());

  it('GET /health reports the database kind', async () => {
    const res = await request(t.server()).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: onPostgres() ? 'postgres' : 'pglite' });
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('GET /docs-json is an OpenAPI 3 document listing the paths, and /docs serves Swagger UI', async () => {
    const res = await request(t.server()).get('/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/health', '/events', '/streams/{streamId}']));
    const ui = await request(t.server()).get('/docs/').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('GET /events pages with limit and cursor until an empty page', async () => {
    const first = await api(t).get('/events').query({ limit: 2 }).expect(200);
    expect(first.body.events).toHaveLength(2);
    expect(first.body.events[0]).toEqual({
      eventId: expect.any(String),
      type: 'Seeded',
      streamId: 'e2e-1',
      streamVersion: 1,
      position: expect.stringMatching(/^\d+$/),
      department: '731',
      budgetYear: 2024,
      schemaVersion: 1,
      occurredAt: expect.any(String),
      recordedAt: expect.any(String),
      data: { i: 1, amount: '1900.00' },
      metadata: { actor: { id: 'test', kind: 'system' }, correlationId: expect.any(String), causationId: null },
    });
    const second = await api(t).get('/events').query({ limit: 2, after: first.body.next }).expect(200);
    const third = await api(t).get('/events').query({ limit: 2, after: second.body.next }).expect(200);
    const seen = [...first.body.events, ...second.body.events, ...third.body.events].map((e) => e.data.i);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    const end = await api(t).get('/events').query({ limit: 2, after: third.body.next }).expect(200);
    expect(end.body.events).toEqual([]);
    expect(typeof end.body.next).toBe('string');

    const filtered = await api(t).get('/events').query({ type: 'Other', department: '731' }).expect(200);
    expect(filtered.body.events.map((e: { data: { i: number } }) => e.data.i)).toEqual([3]);
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 1001 }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ after: 'not-a-cursor' }, 'after'],
    [{ type: 'drop table' }, 'type'],
    [{ department: '73 1' }, 'department'],
    [{ color: 'blue' }, 'color'],
  ])('GET /events with %j → 400 naming %s', async (query, field) => {
    const res = await api(t).get('/events').query(query).expect(400);
    expect(res.body).toEqual({ statusCode: 400, code: expect.any(String), message: expect.any(String), field });
  });

  it('GET /streams/:streamId returns the stream in order, 404 for an unknown one', async () => {
    const res = await api(t).get('/streams/e2e-2').expect(200);
    expect(res.body).toMatchObject({ streamId: 'e2e-2', version: 1, events: [{ type: 'Seeded', streamVersion: 1 }] });
    const missing = await api(t).get('/streams/nope').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'STREAM.NOT_FOUND' });
  });

  it('GET /metrics exposes latency by route, events appended by type and the feed head', async () => {
    await api(t).get('/streams/e2e-1').expect(200);
    const res = await api(t).get('/metrics').expect(200);
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/streams\/:streamId",status="200"\} \d+/);
    expect(res.text).toMatch(/events_appended_total\{type="Seeded"\} 4/);
    expect(res.text).toMatch(/event_feed_head_position \d+/);
  });

  it('unknown routes and malformed JSON get the error shape, never a stack', async () => {
    const missing = await request(t.server()).get('/nowhere').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'HTTP.NOT_FOUND' });
    const bad = await api(t).post('/admin/read-models/rebuild').set('Content-Type', 'application/json').send('{"broken":').expect(400);
    expect(bad.body).toEqual({ statusCode: 400, code: 'HTTP.BAD_REQUEST', message: expect.any(String), field: null });
    expect(JSON.stringify(bad.body)).not.toMatch(/\bat .*\.js|node_modules/);
  });
});
