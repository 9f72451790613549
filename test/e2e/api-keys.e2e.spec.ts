import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AdminKeyBootstrap } from '../../src/auth/application/admin-key-bootstrap.js';
import { api } from '../support/http.js';
import { createApiKey } from '../support/access.js';
import { JWT_ENV, signToken } from '../support/jwt.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

interface KeyRow {
  key_id: string;
  name: string;
  roles: string[];
  departments: unknown;
  secret_hash: string;
  created_by: string;
  revoked_at: Date | null;
}

const rowOf = async (t: TestApp, id: string): Promise<KeyRow> =>
  (await t.dataSource.query(`SELECT * FROM api_keys WHERE key_id = $1`, [id]))[0];

describe(`API key management (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(JWT_ENV);
  });
  afterAll(() => t.close());

  it('POST /api-keys → 201 { id, key }; the key is par_<id>_<256-bit secret> and only its scrypt hash is stored', async () => {
    const res = await api(t)
      .post('/api-keys')
      .send({ name: ' 预算一体化系统 ', roles: ['budget_system'], departments: ['731', '732'] })
      .expect(201);
    expect(Object.keys(res.body).sort()).toEqual(['id', 'key']);
    expect(res.body.key).toMatch(new RegExp(`^par_${res.body.id}_[A-Za-z0-9_-]{43}$`));
    const row = await rowOf(t, res.body.id);
    expect(row).toMatchObject({
      name: '预算一体化系统',
      roles: ['budget_system'],
      departments: ['731', '732'],
      created_by: 'bootstrap',
      revoked_at: null,
    });
    expect(row.secret_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    const secret = res.body.key.split('_').slice(2).join('_');
    expect(JSON.stringify(row)).not.toContain(secret);
    await request(t.server()).get('/catalog/A02021301').set('Authorization', `Bearer ${res.body.key}`).expect(200);
  });

  describe('Idempotency-Key', () => {
    const body = { name: '一体化系统 reader', roles: ['auditor'], departments: '*' };
    const create = (key: string, token = t.adminToken, sent: object = body) =>
      request(t.server()).post('/api-keys').set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key).send(sent);
    const keysNamed = async (name: string) =>
      Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM api_keys WHERE name = $1`, [name]))[0].n);

    it('a retry answers the same key and creates none; the remembered answer holds the secret only sealed', async () => {
      const first = await create('key-1').expect(201);
      const again = await create('key-1').expect(201);
      expect(again.body).toEqual(first.body);
      expect(await keysNamed(body.name)).toBe(1);
      await request(t.server()).get('/me').set('Authorization', `Bearer ${again.body.key}`).expect(200);
      const secret = first.body.key.split('_').slice(2).join('_');
      const stored = JSON.stringify(await t.dataSource.query(`SELECT * FROM idempotency_keys`));
      expect(stored).toContain(first.body.id);
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(secret.slice(0, 16));
      expect(stored).not.toContain(Buffer.from(secret).toString('base64'));
    });

    it('the same key with another body is 422 IDEMPOTENCY.KEY_REUSED, and creates nothing', async () => {
      const res = await create('key-1', t.adminToken, { ...body, name: 'another' }).expect(422);
      expect(res.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED', field: 'Idempotency-Key' });
      expect(await keysNamed('another')).toBe(0);
    });

    it('a retry under another credential of the same caller cannot open the answer: 422 IDEMPOTENCY.SEALED_ANSWER naming the key', async () => {
      const admin = (n: number) => signToken({ roles: ['admin'], departments: '*', n }, { subject: 'li.na@731' });
      const [token1, token2] = [await admin(1), await admin(2)];
      const first = await create('key-2', token1).expect(201);
      const renewed = await create('key-2', token2).expect(422);
      expect(renewed.body).toMatchObject({ code: 'IDEMPOTENCY.SEALED_ANSWER', field: 'Idempotency-Key', details: { id: first.body.id } });
      expect((await create('key-2', token1).expect(201)).body).toEqual(first.body);
      expect(await keysNamed(body.name)).toBe(2);
    });
  });

  it('GET /api-keys lists keys without secrets or hashes; the bootstrap key is among them', async () => {
    const created = await createApiKey(t, ['auditor'], '*', 'auditor of everything');
    const res = await api(t).get('/api-keys').expect(200);
    const listed = res.body.items.find((k: { id: string }) => k.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: 'auditor of everything',
      roles: ['auditor'],
      departments: '*',
      createdAt: expect.any(String),
      createdBy: 'bootstrap',
      revokedAt: null,
      revokedBy: null,
    });
    expect(res.body.items.map((k: { id: string }) => k.id)).toContain('bootstrap');
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(created.key.slice(-20));
    expect(text).not.toMatch(/scrypt|secret|hash/i);
  });

  it('DELETE /api-keys/:id → 204, listed as revoked by whom; again → 204; unknown → 404; malformed → 400', async () => {
    const doomed = await createApiKey(t, ['auditor'], ['731']);
    await api(t).delete(`/api-keys/${doomed.id}`).expect(204);
    await api(t).delete(`/api-keys/${doomed.id}`).expect(204);
    const listed = (await api(t).get('/api-keys')).body.items.find((k: { id: string }) => k.id === doomed.id);
    expect(listed).toMatchObject({ revokedAt: expect.any(String), revokedBy: 'bootstrap' });
    expect((await api(t).delete('/api-keys/0123456789abcdef').expect(404)).body).toMatchObject({ code: 'API_KEY.NOT_FOUND', field: 'id' });
    expect((await api(t).delete('/api-keys/nope').expect(400)).body.field).toBe('id');
  });

  it.each([
    [{ roles: ['auditor'], departments: ['731'] }, 'name'],
    [{ name: '  ', roles: ['auditor'], departments: ['731'] }, 'name'],
    [{ name: 'x', roles: [], departments: ['731'] }, 'roles'],
    [{ name: 'x', roles: ['root'], departments: ['731'] }, 'roles'],
    [{ name: 'x', roles: ['auditor', 'auditor'], departments: ['731'] }, 'roles'],
    [{ name: 'x', roles: ['auditor'] }, 'departments'],
    [{ name: 'x', roles: ['auditor'], departments: 'all' }, 'departments'],
    [{ name: 'x', roles: ['auditor'], departments: ['73 1'] }, 'departments'],
    [{ name: 'x', roles: ['auditor'], departments: ['731'], expires: 'never' }, 'expires'],
  ])('POST /api-keys %j → 400 naming %s', async (body, field) => {
    const res = await api(t).post('/api-keys').send(body).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, field });
  });

  describe('an admin limited to department 731', () => {
    let admin731: string;
    let key732: string;
    beforeAll(async () => {
      admin731 = (await createApiKey(t, ['admin'], ['731'])).key;
      key732 = (await createApiKey(t, ['auditor'], ['732'])).id;
    });
    const as = () => api(t, admin731);

    it('creates keys within 731 (or none), not wider: 403 naming departments', async () => {
      await as()
        .post('/api-keys')
        .send({ name: 'x', roles: ['procurement_officer'], departments: ['731'] })
        .expect(201);
      await as()
        .post('/api-keys')
        .send({ name: 'x', roles: ['admin'], departments: [] })
        .expect(201);
      for (const departments of ['*', ['731', '732']]) {
        const res = await as()
          .post('/api-keys')
          .send({ name: 'x', roles: ['auditor'], departments })
          .expect(403);
        expect(res.body).toMatchObject({ code: 'AUTH.DEPARTMENT_OUT_OF_SCOPE', field: 'departments' });
      }
    });

    it('lists only keys within 731, and cannot revoke others (404, as for a missing key)', async () => {
      const items: Array<{ id: string; departments: unknown }> = (await as().get('/api-keys').expect(200)).body.items;
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((k) => Array.isArray(k.departments) && k.departments.every((d: string) => d === '731'))).toBe(true);
      expect(items.map((k) => k.id)).not.toContain('bootstrap');
      const res = await as().delete(`/api-keys/${key732}`).expect(404);
      expect(res.body).toEqual({
        statusCode: 404,
        code: 'API_KEY.NOT_FOUND',
        message: `没有这个 API 密钥（No API key ${key732}）`,
        field: 'id',
      });
      expect((await rowOf(t, key732)).revoked_at).toBeNull();
    });
  });
});

describe(`start-up keys (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('BOOTSTRAP_ADMIN_KEY becomes admin key `bootstrap` for every department, stored as a hash', async () => {
    const secret = 'ops-bootstrap-0123456789abcdef';
    const t = await startTestApp({ BOOTSTRAP_ADMIN_KEY: secret });
    try {
      const row = await rowOf(t, 'bootstrap');
      expect(row).toMatchObject({ roles: ['admin'], departments: '*', revoked_at: null });
      expect(JSON.stringify(row)).not.toContain(secret);
      await api(t, secret).get('/api-keys').expect(200);
      expect(await t.app.get(AdminKeyBootstrap).ensureAdminAccess(() => undefined)).toBeNull();
    } finally {
      await t.close();
    }
  });

  it(
    onPostgres()
      ? 'on PostgreSQL, no key and no BOOTSTRAP_ADMIN_KEY: nothing is created (the operator must set one)'
      : 'first start of the embedded database without BOOTSTRAP_ADMIN_KEY: an admin key is created and printed once',
    async () => {
      const t = await startTestApp({ BOOTSTRAP_ADMIN_KEY: '' });
      try {
        await request(t.server()).get('/api-keys').set('Authorization', 'Bearer anything-at-all-0123456789').expect(401);
        const printed: string[] = [];
        const key = await t.app.get(AdminKeyBootstrap).ensureAdminAccess((text) => printed.push(text));
        if (onPostgres()) {
          expect(key).toBeNull();
          expect(printed).toEqual([]);
          return;
        }
        expect(key).toMatch(/^par_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
        expect(printed.join('')).toContain(`Authorization: Bearer ${key}`);
        const [row]: KeyRow[] = await t.dataSource.query(`SELECT * FROM api_keys`);
        expect(row).toMatchObject({ roles: ['admin'], departments: '*', created_by: 'system' });
        expect(JSON.stringify(row)).not.toContain(key!.split('_').slice(2).join('_').slice(0, 20));
        await api(t, key!).get('/api-keys').expect(200);
        // A second start finds a key and prints nothing.
        expect(await t.app.get(AdminKeyBootstrap).ensureAdminAccess((text) => printed.push(text))).toBeNull();
        expect(printed).toHaveLength(1);
      } finally {
        await t.close();
      }
    },
  );
});
