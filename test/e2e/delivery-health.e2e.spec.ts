import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { EventRelay } from '../../src/event-log/index.js';
import { createApiKey } from '../support/access.js';
import { api } from '../support/http.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const eventually = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
};

describe(`health of delivery and its metrics (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  describe('with the broker unreachable', () => {
    let t: TestApp;
    beforeAll(async () => {
      // Nothing listens on port 1: every connection attempt of the relay is refused.
      t = await startTestApp({ NATS_URL: 'nats://127.0.0.1:1' });
      await api(t).put('/departments/731/years/2024/projects/P001').send({ name: '项目', budget: '100.00' }).expect(200);
    });
    afterAll(() => t.close());

    it('GET /health stays 200 and reports the relay retrying, with its lag', async () => {
      const res = await request(t.server()).get('/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', relay: { state: 'retrying', lag: 1, lastPublishedAt: null } });
    });

    it('/metrics has relay_lag_events, consumer_lag_events per consumer and sse_subscribers', async () => {
      const { key } = await createApiKey(t, ['budget_system'], ['731']);
      const start = (await api(t, key).get('/events').query({ limit: 1 }).expect(200)).body.next as string;
      await api(t, key).put('/consumers/metrics-probe/checkpoint').send({ cursor: start }).expect(200);
      await api(t).put('/departments/731/years/2024/projects/P002').send({ name: '项目2', budget: '100.00' }).expect(200);
      const metrics = (await api(t).get('/metrics').expect(200)).text;
      expect(metrics).toMatch(/^relay_lag_events 2$/m);
      expect(metrics).toMatch(/^consumer_lag_events\{consumer="metrics-probe"\} 1$/m);
      expect(metrics).toMatch(/^sse_subscribers 0$/m);
    });
  });

  describe('without NATS_URL', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp()));
    afterAll(() => t.close());

    it('GET /health has no relay part', async () => {
      const res = await request(t.server()).get('/health').expect(200);
      expect(res.body.relay).toBeUndefined();
    });
  });

  // Needs a NATS server with JetStream (CI sets NATS_URL).
  (process.env.NATS_URL ? describe : describe.skip)('with the broker up', () => {
    let t: TestApp;
    const tag = Math.random().toString(36).slice(2, 8);
    beforeAll(async () => {
      t = await startTestApp({ NATS_URL: process.env.NATS_URL!, NATS_STREAM: `HEALTH_${tag}`, NATS_SUBJECT_PREFIX: `h${tag}.events` });
    });
    afterAll(() => t.close());

    it('reports the relay up with no lag once it has published', async () => {
      await api(t).put('/departments/731/years/2024/projects/P001').send({ name: '项目', budget: '100.00' }).expect(200);
      const relay = t.app.get(EventRelay);
      // Published, not only caught up: a lag of 0 can also mean the feed does not show the event yet.
      await eventually(async () => {
        const status = await relay.status();
        return status.lag === 0 && status.state === 'up' && status.lastPublishedAt !== null;
      });
      const res = await request(t.server()).get('/health').expect(200);
      expect(res.body.relay).toMatchObject({ state: 'up', lag: 0, lastPublishedAt: expect.stringMatching(/^\d{4}-/) });
    });
  });
});
