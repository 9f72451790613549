import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApiKey } from '../support/access.js';
import { api } from '../support/http.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const DEPT = '741';
const BASE = `/departments/${DEPT}/depreciation`;
const GENERAL = '通用设备（除车辆）';
const desktop = { name: '台式计算机', catalogCode: 'A02010105', originalValue: '6000.00', acquiredOn: '2024-03-15', source: 'purchase' };

/**
 * The depreciation routes over HTTP: posting in order, idempotence, reversal, a card's figures
 * now and as of a past date, holdings, the year listing, a card's own useful life, access and
 * the zh-CN texts (every answer is also held against the OpenAPI document when the app closes).
 */
describe(`depreciation routes (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let cardId: string;
  let auditor: string;
  const streamEvents = async () => {
    const res = await api(t).get(`/streams/depreciation-${DEPT}`);
    return res.status === 404 ? [] : (res.body.events as Array<{ type: string; data: { yearMonth: string } }>);
  };

  beforeAll(async () => {
    t = await startTestApp();
    cardId = (await api(t).post(`/departments/${DEPT}/assets`).send(desktop).expect(201)).body.id;
    auditor = (await createApiKey(t, ['auditor'], [DEPT])).key;
  });
  afterAll(() => t.close());

  it('refuses a malformed month and one still to come (400 naming yearMonth)', async () => {
    expect((await api(t).post(`${BASE}/2024-13`).expect(400)).body.field).toBe('yearMonth');
    const future = await api(t).post(`${BASE}/2999-01`).set('Accept-Language', 'en').expect(400);
    expect(future.body).toMatchObject({ code: 'DEPRECIATION.MONTH_NOT_REACHED', field: 'yearMonth' });
  });

  it('a first month after the first charged month is a 409 naming it, in zh-CN by default', async () => {
    const res = await api(t).post(`${BASE}/2024-05`).expect(409);
    expect(res.body).toMatchObject({ code: 'DEPRECIATION.MONTH_NOT_IN_ORDER', field: 'yearMonth', details: { firstUnposted: '2024-04' } });
    expect(res.body.message).toContain('第一个未计提的月份是 2024-04');
    expect(await streamEvents()).toEqual([]);
  });

  it('posts April 2024: 83.33 元 for the desktop bought in March; posting it again writes nothing', async () => {
    const april = (await api(t).post(`${BASE}/2024-04`).expect(200)).body;
    expect(april).toMatchObject({ department: DEPT, yearMonth: '2024-04', total: { cards: 1, charge: '83.33', netValue: '5916.67' } });
    expect(april.categories).toHaveLength(10);
    expect(april.categories.find((c: { category: string }) => c.category === GENERAL)).toMatchObject({ charge: '83.33' });
    const again = (await api(t).post(`${BASE}/2024-04`).expect(200)).body;
    expect(again).toEqual(april);
    expect((await streamEvents()).map((e) => e.type)).toEqual(['DepreciationPosted']);
    await api(t).post(`${BASE}/2024-05`).expect(200);
    expect((await api(t).post(`${BASE}/2024-07`).expect(409)).body.details.firstUnposted).toBe('2024-06');
  });

  it('a card shows its life, 累计折旧, 净值 and the last posted month, now and as of a past date', async () => {
    const now = (await api(t).get(`/assets/${cardId}`).expect(200)).body;
    expect(now).toMatchObject({
      usefulLifeMonths: 72,
      accumulatedDepreciation: '166.66',
      netValue: '5833.34',
      depreciatedThrough: '2024-05',
    });
    const april = (await api(t).get(`/assets/${cardId}`).query({ asOf: '2024-04-30' }).expect(200)).body;
    expect(april).toMatchObject({ accumulatedDepreciation: '83.33', depreciatedThrough: '2024-04' });
    const before = (await api(t).get(`/assets/${cardId}`).query({ asOf: '2024-03-31' }).expect(200)).body;
    expect(before).toMatchObject({ accumulatedDepreciation: '0.00', netValue: '6000.00', depreciatedThrough: null });
    expect((await api(t).get(`/assets/${cardId}`).query({ asOf: '2024-02-30' }).expect(400)).body.field).toBe('asOf');
  });

  it('holdings and the year listing carry 累计折旧 and 净值 in 元 and 万元', async () => {
    const holdings = (await api(t).get(`/departments/${DEPT}/holdings`).query({ asOf: '2024-05-31' }).expect(200)).body;
    expect(holdings.depreciatedThrough).toBe('2024-05');
    expect(holdings.total).toMatchObject({
      value: '6000.00',
      accumulatedDepreciation: '166.66',
      accumulatedDepreciationWan: '0.02',
      netValue: '5833.34',
      netValueWan: '0.58',
    });
    const year = (await api(t).get(`/departments/${DEPT}/years/2024/depreciation`).expect(200)).body;
    expect(year.months.map((m: { yearMonth: string }) => m.yearMonth)).toEqual(['2024-04', '2024-05']);
    expect(year.charges.find((c: { category: string }) => c.category === GENERAL)).toMatchObject({ charge: '166.66', chargeWan: '0.02' });
    const reconciliation = (await api(t).get(`/departments/${DEPT}/years/2024/reconciliation`).expect(200)).body;
    expect(reconciliation.total.closingBookNetValue).toMatchObject({ accumulatedDepreciation: '166.66', netValue: '5833.34' });
  });

  it('reverses only the latest posted month; the card is back at April', async () => {
    const notLatest = await api(t).delete(`${BASE}/2024-04`).expect(409);
    expect(notLatest.body).toMatchObject({ code: 'DEPRECIATION.NOT_LATEST', details: { latest: '2024-05' } });
    expect((await api(t).delete(`${BASE}/2024-06`).expect(404)).body.code).toBe('DEPRECIATION.MONTH_NOT_POSTED');
    await api(t).delete(`${BASE}/2024-05`).expect(204);
    expect((await streamEvents()).map((e) => e.type)).toEqual(['DepreciationPosted', 'DepreciationPosted', 'DepreciationReversed']);
    expect((await api(t).get(`/assets/${cardId}`).expect(200)).body).toMatchObject({
      accumulatedDepreciation: '83.33',
      depreciatedThrough: '2024-04',
    });
    await api(t).delete(`/departments/742/depreciation/2024-05`).expect(404);
  });

  it('an auditor reads but does not post or reverse (403)', async () => {
    await api(t, auditor).get(`/departments/${DEPT}/years/2024/depreciation`).expect(200);
    await api(t, auditor).post(`${BASE}/2024-05`).expect(403);
    await api(t, auditor).delete(`${BASE}/2024-04`).expect(403);
  });

  it('a card may set a longer life, never a shorter one (400 naming usefulLifeMonths)', async () => {
    const short = await api(t)
      .post(`/departments/${DEPT}/assets`)
      .send({ ...desktop, usefulLifeMonths: 60 })
      .expect(400);
    expect(short.body).toMatchObject({ code: 'ASSET.USEFUL_LIFE_TOO_SHORT', field: 'usefulLifeMonths', details: { minimum: 72 } });
    expect(short.body.message).toContain('财会〔2017〕4号');
    const land = { name: '土地', catalogCode: 'A01030000', originalValue: '100000.00', acquiredOn: '2024-01-02', source: 'purchase' };
    const notDepreciated = await api(t)
      .post(`/departments/${DEPT}/assets`)
      .send({ ...land, usefulLifeMonths: 600 })
      .expect(400);
    expect(notDepreciated.body).toMatchObject({ code: 'ASSET.NOT_DEPRECIATED', field: 'usefulLifeMonths' });
    const long = await api(t)
      .post(`/departments/${DEPT}/assets`)
      .send({ ...desktop, usefulLifeMonths: 96 })
      .expect(201);
    expect((await api(t).get(`/assets/${long.body.id}`).expect(200)).body.usefulLifeMonths).toBe(96);
  });

  it('an Idempotency-Key replays the posting; the same key for another month is 422', async () => {
    const first = await api(t).post(`${BASE}/2024-05`).set('Idempotency-Key', 'depreciation-741-2024-05').expect(200);
    const replay = await api(t).post(`${BASE}/2024-05`).set('Idempotency-Key', 'depreciation-741-2024-05').expect(200);
    expect(replay.body).toEqual(first.body);
    const reused = await api(t).post(`${BASE}/2024-06`).set('Idempotency-Key', 'depreciation-741-2024-05').expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });
});
