import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api } from '../support/http.js';
import { seedBudget, seedPurchases } from '../support/seed.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * One rule for every business date the API takes: not after today, the business day in China by
 * the database clock. Each route refuses tomorrow with 400 VALIDATION.FUTURE_DATE naming the
 * field, and writes nothing; today itself is accepted.
 */
describe(`business dates are never in the future (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let today: string;
  let tomorrow: string;
  let purchaseId: string;
  let cardId: string;
  const desk = { name: '文件柜', catalogCode: 'A05010502', originalValue: '1200.00', source: 'transfer_in' };

  const eventCount = async () => Number((await t.dataSource.query(`SELECT count(*)::text AS n FROM events`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    [{ today, tomorrow }] = await t.dataSource.query(
      `SELECT to_char(d, 'YYYY-MM-DD') AS today, to_char(d + 1, 'YYYY-MM-DD') AS tomorrow
       FROM (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d) AS day`,
    );
    await seedBudget(t);
    [purchaseId] = await seedPurchases(t);
    cardId = (
      await api(t)
        .post('/departments/731/assets')
        .send({ ...desk, acquiredOn: today })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  const refuses = async (send: () => PromiseLike<{ status: number; body: Record<string, unknown> }>, field: string) => {
    const before = await eventCount();
    const res = await send();
    expect({ status: res.status, code: res.body.code, field: res.body.field }).toEqual({
      status: 400,
      code: 'VALIDATION.FUTURE_DATE',
      field,
    });
    expect(await eventCount()).toBe(before);
    return res;
  };

  it('the contract date (signedOn), with both texts naming the rule', async () => {
    const contract = (signedOn: string, language = 'en') =>
      api(t)
        .post(`/purchases/${purchaseId}/contract`)
        .set('Accept-Language', language)
        .send({ supplier: '秦皇岛市某办公设备有限公司', contractNo: 'HT-1', amount: '1900.00', signedOn });
    const en = await refuses(() => contract('2099-03-15'), 'signedOn');
    expect(en.body.message).toBe(`signedOn 2099-03-15 is in the future (today is ${today})`);
    const zh = await refuses(() => contract(tomorrow, 'zh-CN'), 'signedOn');
    expect(zh.body.message).toBe(`合同签订日期（signedOn）${tomorrow} 晚于今天（${today}）：登记的是已经发生的事`);
    await contract(today).expect(200);
  });

  it('the acceptance date (acceptedOn)', async () => {
    const accept = (acceptedOn: string) =>
      api(t).post(`/purchases/${purchaseId}/acceptances`).send({ quantity: '1', amount: '1900.00', acceptedOn });
    await refuses(() => accept('2100-01-01'), 'acceptedOn');
    await refuses(() => accept(tomorrow), 'acceptedOn');
    await accept(today).expect(201);
  });

  it('a card’s acquiredOn and financeEntryDate, by hand and in a change of details', async () => {
    const register = (body: object) =>
      api(t)
        .post('/departments/731/assets')
        .send({ ...desk, acquiredOn: today, ...body });
    await refuses(() => register({ acquiredOn: tomorrow }), 'acquiredOn');
    await refuses(() => register({ financeEntryDate: tomorrow }), 'financeEntryDate');
    await refuses(() => api(t).patch(`/assets/${cardId}`).send({ financeEntryDate: tomorrow }), 'financeEntryDate');
    await api(t).patch(`/assets/${cardId}`).send({ financeEntryDate: today }).expect(200);
  });

  it('a disposal (disposedOn), a stocktake (asOf) and an opening declaration (date)', async () => {
    await refuses(
      () => api(t).post(`/assets/${cardId}/dispose`).send({ disposedOn: tomorrow, method: 'scrapped', reason: '损坏' }),
      'disposedOn',
    );
    await refuses(() => api(t).post('/departments/731/stocktakes').send({ asOf: tomorrow }), 'asOf');
    await refuses(
      () =>
        api(t)
          .put(`/departments/731/opening-holdings/${tomorrow}`)
          .send({ categories: [{ category: '家具用具', count: 1, value: '1200.00' }] }),
      'date',
    );
  });
});
