import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { ErrorFilter } from '../../src/common/http/error.filter.js';
import { loadConfig } from '../../src/config/app-config.js';
import { PGLITE_IN_MEMORY } from '../../src/database/data-source-options.js';
import { createApiKey } from '../support/access.js';
import { api } from '../support/http.js';
import { JWT_ENV, signToken } from '../support/jwt.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const db = onPostgres() ? 'PostgreSQL' : 'PGlite';

describe(`rate limits (${db})`, () => {
  it('per credential: a key over RATE_LIMIT gets 429 with Retry-After; another key is unaffected', async () => {
    const t = await startTestApp({ RATE_LIMIT: '4', RATE_LIMIT_ANONYMOUS: '50' });
    try {
      const a = (await createApiKey(t, ['auditor'], ['731'])).key;
      const b = (await createApiKey(t, ['auditor'], ['731'])).key;
      for (let i = 0; i < 4; i++) await api(t, a).get('/catalog/A02021301').expect(200);
      // The limit is per credential across routes, not per route.
      const refused = await api(t, a).get('/departments/731/years/2024/budget').expect(429);
      expect(refused.body).toEqual({ statusCode: 429, code: 'HTTP.TOO_MANY_REQUESTS', message: expect.any(String), field: null });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      await api(t, b).get('/catalog/A02021301').expect(200);
    } finally {
      await t.close();
    }
  });

  it('per person for tokens: the limit follows the subject', async () => {
    const t = await startTestApp({ ...JWT_ENV, RATE_LIMIT: '2' });
    try {
      const zhang = await signToken({ roles: ['auditor'] }, { subject: 'zhang' });
      const li = await signToken({ roles: ['auditor'] }, { subject: 'li' });
      await api(t, zhang).get('/catalog/A02021301').expect(200);
      await api(t, await signToken({ roles: ['auditor'] }, { subject: 'zhang' }))
        .get('/catalog/A02021301')
        .expect(200);
      await api(t, zhang).get('/catalog/A02021301').expect(429);
      await api(t, li).get('/catalog/A02021301').expect(200);
    } finally {
      await t.close();
    }
  });

  it('per client IP without valid credentials: public routes and failed authentications count; once over, the IP is refused before its credentials are checked', async () => {
    const t = await startTestApp({ RATE_LIMIT_ANONYMOUS: '3' });
    try {
      await request(t.server()).get('/health').expect(200);
      await request(t.server()).get('/catalog').set('Authorization', 'Bearer wrong-secret-0123456789').expect(401);
      await request(t.server()).get('/catalog').expect(401);
      const refused = await request(t.server()).get('/catalog').set('Authorization', 'Bearer another-guess-0123456789').expect(429);
      expect(refused.body.code).toBe('HTTP.TOO_MANY_REQUESTS');
      await request(t.server()).get('/health').expect(429);
      await api(t).get('/catalog/A02021301').expect(429);
    } finally {
      await t.close();
    }
  });
});

describe(`transport hardening (${db})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sends helmet’s security headers and no X-Powered-By', async () => {
    const res = await request(t.server()).get('/health').expect(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Swagger UI must keep working when the service is reached over plain HTTP on an intranet.
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('a body over 1 MB → 413 in the error shape, before anything runs', async () => {
    const res = await api(t)
      .post('/departments/731/years/2024/purchases')
      .send({ itemName: 'x'.repeat(1024 * 1024) })
      .expect(413);
    expect(res.body).toEqual({ statusCode: 413, code: 'HTTP.PAYLOAD_TOO_LARGE', message: expect.any(String), field: null });
  });

  it('deeply nested input → 400, never a stack overflow', async () => {
    const nested = `{"amount":${'{"a":'.repeat(5000)}"1.00"${'}'.repeat(5001)}`;
    const res = await api(t)
      .put('/departments/731/years/2024/planned-asset-purchases')
      .set('Content-Type', 'application/json')
      .send(nested)
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION.TOO_DEEP' });
  });
});

@Controller('forgotten')
class ForgottenController {
  @Get()
  forgotten() {
    return { reached: true };
  }
}

describe('default deny', () => {
  let app: INestApplication;
  const admin = 'deny-test-admin-0123456789';
  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: PGLITE_IN_MEMORY, LOG_LEVEL: 'silent', BOOTSTRAP_ADMIN_KEY: admin });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config)],
      controllers: [ForgottenController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalFilters(new ErrorFilter());
    await app.init();
  });
  afterAll(() => app.close());

  it('a route without @Allow or @Public is refused to everyone, the admin included', async () => {
    for (const auth of [undefined, `Bearer ${admin}`]) {
      const req = request(app.getHttpServer()).get('/forgotten');
      const res = await (auth ? req.set('Authorization', auth) : req).expect(403);
      expect(res.body).toEqual({ statusCode: 403, code: 'AUTH.NO_ACCESS_RULE', message: expect.any(String), field: null });
    }
  });
});
