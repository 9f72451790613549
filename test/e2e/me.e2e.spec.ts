import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createApiKey } from '../support/access.js';
import { api } from '../support/http.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

describe(`GET /me: the calling credential (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('a department key sees its own id, roles, sorted departments and the permissions its roles grant', async () => {
    const { id, key } = await createApiKey(t, ['procurement_officer'], ['732', '731']);
    const res = await request(t.server()).get('/me').set('Authorization', `Bearer ${key}`).expect(200);
    expect(res.body).toEqual({
      id,
      kind: 'api_key',
      roles: ['procurement_officer'],
      departments: ['731', '732'],
      permissions: [
        'catalog:read',
        'budget:read',
        'budget:write',
        'purchases:read',
        'purchases:write',
        'purchases:accept',
        'cross-checks:read',
        'history:read',
      ],
    });
  });

  it('the bootstrap admin covers every department and holds every permission', async () => {
    const res = await api(t).get('/me').expect(200);
    expect(res.body).toMatchObject({ id: 'bootstrap', kind: 'api_key', roles: ['admin'], departments: '*' });
    expect(res.body.permissions).toContain('admin');
    expect(res.body.permissions).toContain('feed:read');
  });

  it('never answers without valid credentials', async () => {
    expect((await request(t.server()).get('/me').expect(401)).body.code).toBe('AUTH.REQUIRED');
    expect((await request(t.server()).get('/me').set('Authorization', 'Bearer par_0123456789abcdef_nope').expect(401)).body.code).toBe(
      'AUTH.INVALID_CREDENTIALS',
    );
  });

  it('/ redirects to the web console', async () => {
    const res = await request(t.server()).get('/').expect(302);
    expect(res.headers.location).toBe('/app/');
  });
});
