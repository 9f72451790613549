import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { sleep } from '../support/context.js';
import { api } from '../support/http.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Keys are cached by every instance (no lookup per request), so revocation rests on the cache's
 * invalidation: by LISTEN/NOTIFY across instances on PostgreSQL, in process on PGlite.
 */
describe(`a revoked API key is refused everywhere at once (${onPostgres() ? 'PostgreSQL, two instances' : 'PGlite'})`, () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp();
    // On PostgreSQL a second instance on the same schema, as two service processes would be.
    b = onPostgres() ? await startTestApp({ DB_SCHEMA: a.config.DB_SCHEMA!, BOOTSTRAP_ADMIN_KEY: a.adminToken }) : a;
  });
  afterAll(async () => {
    if (b !== a) await b.close();
    await a.close();
  });

  const me = (t: TestApp, key: string) => request(t.server()).get('/me').set('Authorization', `Bearer ${key}`);

  it('a key used (and cached) on the second instance is refused by it within 1 s of its revocation on the first', async () => {
    const { id, key } = (
      await api(a)
        .post('/api-keys')
        .send({ name: 'budget sync', roles: ['auditor'], departments: '*' })
        .expect(201)
    ).body;
    await me(b, key).expect(200);
    await me(b, key).expect(200);

    await api(a).delete(`/api-keys/${id}`).expect(204);
    const revokedAt = performance.now();
    let status = 200;
    while (status === 200 && performance.now() - revokedAt < 1000) {
      status = (await me(b, key)).status;
      if (status === 200) await sleep(20);
    }
    expect(status).toBe(401);
    // …and stays refused (the row read after a miss is not cached as valid).
    await me(b, key).expect(401);
    await me(a, key).expect(401);
  });
});
