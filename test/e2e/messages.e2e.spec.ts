import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { api } from '../support/http.js';
import { SEED_BASE, SEED_PURCHASES, seedBudget } from '../support/seed.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

describe(`messages in zh-CN by default, en on request; codes and fields unchanged (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedBudget(t);
  });
  afterAll(() => t.close());

  const { projectCode: _omitted, ...withoutProject } = SEED_PURCHASES[0];

  it.each([
    [undefined, '项目编码（projectCode）为必填项'],
    ['zh-CN', '项目编码（projectCode）为必填项'],
    ['en-GB,en;q=0.8', 'projectCode is required'],
    ['fr, en;q=0.5', 'projectCode is required'],
    ['de', '项目编码（projectCode）为必填项'],
  ])('a missing field with Accept-Language %s → %s', async (language, message) => {
    let req = api(t).post(`${SEED_BASE}/purchases`);
    if (language) req = req.set('Accept-Language', language);
    const res = await req.send(withoutProject).expect(400);
    expect(res.body).toEqual({ statusCode: 400, code: 'VALIDATION.REQUIRED', message, field: 'projectCode' });
  });

  it('a wrong type names the Chinese label of the official table', async () => {
    const res = await api(t)
      .post(`${SEED_BASE}/purchases`)
      .send({ ...SEED_PURCHASES[0], unitPrice: true })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION.TYPE', field: 'unitPrice' });
    expect(res.body.message).toMatch(/^单价（unitPrice）必须是/);
  });

  it('hygiene and authentication errors have both texts', async () => {
    const zh = await api(t)
      .post(`${SEED_BASE}/purchases`)
      .send({ ...SEED_PURCHASES[0], itemName: 'a\u202eb' })
      .expect(400);
    expect(zh.body).toMatchObject({ code: 'VALIDATION.BIDI_CONTROL', field: 'itemName' });
    expect(zh.body.message).toContain('采购品目名称（itemName）不得包含双向文本控制字符');
    const anonymous = await request(t.server()).get('/purchases/00000000-0000-0000-0000-000000000000').expect(401);
    expect(anonymous.body).toEqual({
      statusCode: 401,
      code: 'AUTH.REQUIRED',
      message: expect.stringContaining('此请求需要凭据'),
      field: null,
    });
    const en = await request(t.server()).get('/purchases/00000000-0000-0000-0000-000000000000').set('Accept-Language', 'en').expect(401);
    expect(en.body.message).toContain('This request needs credentials');
  });

  it('a body that is not JSON: 请求体不是有效的 JSON, field null', async () => {
    const res = await api(t).post(`${SEED_BASE}/purchases`).set('Content-Type', 'application/json').send('{"x":').expect(400);
    expect(res.body).toEqual({ statusCode: 400, code: 'HTTP.BAD_REQUEST', message: '请求体不是有效的 JSON', field: null });
  });
});
