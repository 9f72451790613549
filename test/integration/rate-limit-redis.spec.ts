import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { api } from '../support/http.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

// Needs a Redis server: CI sets REDIS_URL; without it this suite is skipped.
const REDIS_URL = process.env.REDIS_URL;
const suite = REDIS_URL ? describe : describe.skip;
const why = REDIS_URL ? '' : ' — skipped: set REDIS_URL (e.g. redis://127.0.0.1:6379) to run it';

suite(`rate limits shared through Redis by two instances (${onPostgres() ? 'PostgreSQL' : 'PGlite'})${why}`, () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    // One deployment: the same admin key and Redis keys, a prefix of its own so runs never meet.
    const env = {
      REDIS_URL: REDIS_URL!,
      REDIS_KEY_PREFIX: `test-${randomBytes(6).toString('hex')}:`,
      BOOTSTRAP_ADMIN_KEY: `test-admin-${randomBytes(16).toString('hex')}`,
      RATE_LIMIT: '5',
      RATE_LIMIT_ANONYMOUS: '3',
    };
    a = await startTestApp(env);
    b = await startTestApp(env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('a credential has one RATE_LIMIT across both: 3 requests on one and 2 on the other use it up', async () => {
    for (const t of [a, b, a, b, a]) await api(t).get('/catalog/A02021301').expect(200);
    const refused = await api(b).get('/catalog/A02021301').expect(429);
    expect(refused.body.code).toBe('HTTP.TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await api(a).get('/catalog/A02021301').expect(429);
  });

  it('a client IP over its anonymous budget on one instance is refused by the other before its credentials are checked', async () => {
    await request(a.server()).get('/health').expect(200);
    await request(b.server()).get('/catalog').set('Authorization', 'Bearer wrong-secret-0123456789').expect(401);
    await request(a.server()).get('/catalog').expect(401);
    await request(b.server()).get('/catalog').set('Authorization', 'Bearer another-guess-0123456789').expect(429);
    // A valid key from that IP is refused too: the block is checked before any verification.
    const refused = await request(a.server()).get('/me').set('Authorization', `Bearer ${a.adminToken}`).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
