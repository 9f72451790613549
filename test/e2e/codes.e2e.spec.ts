import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api } from '../support/http.js';
import { SEED_BASE, SEED_PURCHASES, seedBudget } from '../support/seed.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

describe(`catalog and economic codes are normalised before any check (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedBudget(t);
  });
  afterAll(() => t.close());

  it('a purchase with " a02021301 " and economicCode " 31002 " is planned under A02021301 / 31002', async () => {
    const res = await api(t)
      .post(`${SEED_BASE}/purchases`)
      .send({ ...SEED_PURCHASES[0], catalogCode: ' a02021301 ', economicCode: ' 31002 ' })
      .expect(201);
    expect(res.body.plan).toMatchObject({ catalogCode: 'A02021301', economicCode: '31002' });
  });

  it('a full-width code typed with a Chinese input method is read as ASCII', async () => {
    const res = await api(t)
      .post(`${SEED_BASE}/purchases`)
      .send({ ...SEED_PURCHASES[0], catalogCode: 'Ａ０２０２１３０１' })
      .expect(201);
    expect(res.body.plan.catalogCode).toBe('A02021301');
  });

  it('a hand-made card and the catalog lookup normalise the same way', async () => {
    const card = { name: '文件柜', catalogCode: ' a05010502', originalValue: '1200.00', acquiredOn: '2024-02-01', source: 'transfer_in' };
    expect((await api(t).post('/departments/731/assets').send(card).expect(201)).body.catalogCode).toBe('A05010502');
    expect((await api(t).get('/catalog/a02021301').expect(200)).body.code).toBe('A02021301');
  });

  it.each([
    ['A0202130', 'has 7 digits after the letter'],
    ['D02021301', 'starts with "D"'],
    ['A02O21301', 'has "O" after the letter'],
  ])('a malformed catalog code %s says what is wrong: %s', async (code, problem) => {
    const res = await api(t)
      .post(`${SEED_BASE}/purchases`)
      .send({ ...SEED_PURCHASES[0], catalogCode: code })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'PURCHASE.CATALOG_CODE_MALFORMED', field: 'catalogCode' });
    expect(res.body.message).toContain(problem);
  });

  it('a malformed economic code says what is wrong', async () => {
    const res = await api(t)
      .post(`${SEED_BASE}/purchases`)
      .send({ ...SEED_PURCHASES[0], economicCode: '3100' })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'PURCHASE.ECONOMIC_CODE_MALFORMED', field: 'economicCode' });
    expect(res.body.message).toContain('has 4 digits');
  });
});
