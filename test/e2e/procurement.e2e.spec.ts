import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api } from '../support/http.js';
import { DAILY, PROPERTY, SEED_BASE, SEED_PURCHASES, seedBudget, seedPurchases } from '../support/seed.js';
import { eventCount, readModelSnapshot } from '../support/tables.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

describe(`procurement register over HTTP (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let ids: string[];

  beforeAll(async () => {
    t = await startTestApp();
    await seedBudget(t);
    ids = await seedPurchases(t);
  });
  afterAll(() => t.close());

  it('plans the six rows of the disclosure and answers with id, version and the resolved plan', async () => {
    const res = await api(t).get(`/purchases/${ids[0]}`).expect(200);
    expect(res.body).toMatchObject({
      id: ids[0],
      version: 1,
      department: '731',
      budgetYear: 2024,
      status: 'planned',
      plan: {
        projectCode: 'P001',
        itemName: '碎纸机',
        catalogCode: 'A02021301',
        catalogName: '碎纸机',
        procurementType: 'goods',
        unit: '个',
        quantity: '1',
        unitPrice: '1900.00',
        amount: '1900.00',
        funding: { general_budget: '1900.00' },
        smeReserved: '1900.00',
        economicCode: '31002',
        economicCodeExplicit: false,
      },
      planned: { quantity: '1', amount: '1900.00' },
      contracted: null,
    });
    const property = await api(t).get(`/purchases/${ids[5]}`).expect(200);
    expect(property.body.plan).toMatchObject({ catalogName: '物业管理服务', procurementType: 'services', economicCode: '30209' });
  });

  it('the summary gives 171,400.00 元 = 17.14 万元, by project 21,400.00 and 150,000.00, all general_budget', async () => {
    const res = await api(t).get(`${SEED_BASE}/procurement-summary`).expect(200);
    expect(res.body).toEqual({
      department: '731',
      budgetYear: 2024,
      total: { amount: '171400.00', amountWan: '17.14', count: 6, smeReserved: '171400.00', smeReservedWan: '17.14' },
      byProject: [
        { projectCode: 'P001', name: DAILY, count: 5, amount: '21400.00', amountWan: '2.14' },
        { projectCode: 'P002', name: PROPERTY, count: 1, amount: '150000.00', amountWan: '15.00' },
      ],
      byFundingSource: [{ source: 'general_budget', name: '一般公共预算拨款', amount: '171400.00', amountWan: '17.14' }],
      byType: [
        { type: 'goods', count: 1, amount: '1900.00', amountWan: '0.19' },
        { type: 'services', count: 5, amount: '169500.00', amountWan: '16.95' },
      ],
    });
  });

  it('the feed holds the matching events', async () => {
    const res = await api(t).get('/events').query({ type: 'PurchasePlanned', department: '731' }).expect(200);
    expect(res.body.events.map((e: { data: { catalogCode: string } }) => e.data.catalogCode)).toEqual(
      SEED_PURCHASES.map((r) => r.catalogCode),
    );
    expect(res.body.events[0]).toMatchObject({ streamId: `purchase-${ids[0]}`, streamVersion: 1, budgetYear: 2024 });
  });

  it('lists with filters and paging', async () => {
    const all = await api(t).get(`${SEED_BASE}/purchases`).query({ limit: 4 }).expect(200);
    expect(all.body).toMatchObject({ total: 6, offset: 0, limit: 4 });
    expect(all.body.items).toHaveLength(4);
    const p2 = await api(t).get(`${SEED_BASE}/purchases`).query({ projectCode: 'P002' }).expect(200);
    expect(p2.body.items.map((i: { id: string }) => i.id)).toEqual([ids[5]]);
    const byCode = await api(t).get(`${SEED_BASE}/purchases`).query({ catalogCode: 'A02021301', status: 'planned' }).expect(200);
    expect(byCode.body.total).toBe(1);
    await api(t).get(`${SEED_BASE}/purchases`).query({ status: 'lost' }).expect(400);
  });

  describe('lifecycle', () => {
    let id: string;
    const base = {
      ...SEED_PURCHASES[0],
      quantity: '3',
      unitPrice: '5000.00',
      amount: '15000.00',
      funding: { general_budget: '15000.00' },
      smeReserved: '0',
      itemName: '台式计算机',
      catalogCode: 'A02010105',
    };

    beforeAll(async () => {
      id = (await api(t).post(`${SEED_BASE}/purchases`).send(base).expect(201)).body.id;
    });

    it('amends with If-Match, emitting the changed fields only; a stale version is 409', async () => {
      const res = await api(t)
        .patch(`/purchases/${id}`)
        .set('If-Match', '"1"')
        .send({ unitPrice: '4800.00', amount: '14400.00', funding: { general_budget: '14400.00' } })
        .expect(200);
      expect(res.body).toMatchObject({ version: 2, plan: { unitPrice: '4800.00', amount: '14400.00' } });
      const stream = await api(t).get(`/streams/purchase-${id}`).expect(200);
      expect(stream.body.events[1]).toMatchObject({
        type: 'PurchaseAmended',
        data: { purchaseId: id, changes: { unitPrice: { from: '5000.00', to: '4800.00' }, amount: { from: '15000.00', to: '14400.00' } } },
      });
      const stale = await api(t).patch(`/purchases/${id}`).set('If-Match', '1').send({ itemName: 'x' }).expect(409);
      expect(stale.body.code).toBe('STREAM.VERSION_CONFLICT');
    });

    it('contracts, then accepts partially and wholly; accepting beyond the quantity is 409', async () => {
      await api(t)
        .post(`/purchases/${id}/contract`)
        .set('If-Match', '2')
        .send({ supplier: '某公司', contractNo: 'HT-001', amount: '14400.00', signedOn: '2024-03-01' })
        .expect(200);
      const partial = await api(t)
        .post(`/purchases/${id}/acceptances`)
        .send({ quantity: '2', amount: '9600.00', acceptedOn: '2024-03-10' })
        .expect(201);
      expect(partial.body).toMatchObject({
        status: 'partially_accepted',
        accepted: { quantity: '2', amount: '9600.00' },
        remaining: { quantity: '1' },
      });
      const over = await api(t)
        .post(`/purchases/${id}/acceptances`)
        .send({ quantity: '2', amount: '9600.00', acceptedOn: '2024-03-11' })
        .expect(409);
      expect(over.body.code).toBe('PURCHASE.OVER_ACCEPTANCE');
      const whole = await api(t)
        .post(`/purchases/${id}/acceptances`)
        .send({ quantity: '1', amount: '4800.00', acceptedOn: '2024-03-12' })
        .expect(201);
      expect(whole.body).toMatchObject({ status: 'accepted', version: 5, accepted: { quantity: '3', amount: '14400.00', acceptances: 2 } });
    });

    it('an illegal transition is 409 naming the current state', async () => {
      const res = await api(t).post(`/purchases/${id}/cancel`).send({ reason: '不需要了' }).expect(409);
      expect(res.body).toMatchObject({ code: 'PURCHASE.ILLEGAL_TRANSITION', message: expect.stringContaining('accepted') });
    });

    it('cancels a planned purchase, which leaves the summary', async () => {
      const extra = (await api(t).post(`${SEED_BASE}/purchases`).send(SEED_PURCHASES[0]).expect(201)).body.id;
      const before = (await api(t).get(`${SEED_BASE}/procurement-summary`)).body.total.amount;
      await api(t).post(`/purchases/${extra}/cancel`).send({ reason: '重复录入' }).expect(200);
      const after = (await api(t).get(`${SEED_BASE}/procurement-summary`)).body.total.amount;
      expect(BigInt(before.replace('.', '')) - BigInt(after.replace('.', ''))).toBe(190000n);
      expect((await api(t).get(`/purchases/${extra}`)).body).toMatchObject({ status: 'cancelled', cancellation: { reason: '重复录入' } });
    });

    it('unknown and malformed purchase ids', async () => {
      await api(t).get('/purchases/00000000-0000-4000-8000-000000000000').expect(404);
      expect((await api(t).get('/purchases/xyz').expect(400)).body.field).toBe('id');
      await api(t).post('/purchases/00000000-0000-4000-8000-000000000000/cancel').send({ reason: 'x' }).expect(404);
    });
  });

  describe('rejections: 400 naming the field, nothing written', () => {
    const row = SEED_PURCHASES[0];
    it.each([
      ['malformed catalog code', { catalogCode: 'A0202' }, 'catalogCode'],
      ['unknown catalog code', { catalogCode: 'A99999999' }, 'catalogCode'],
      ['quantity 0', { quantity: '0', amount: '0.00', funding: { general_budget: '0.00' }, smeReserved: '0' }, 'quantity'],
      ['negative quantity', { quantity: '-1' }, 'quantity'],
      ['negative unit price', { unitPrice: '-1900.00' }, 'unitPrice'],
      ['over-precise unit price', { unitPrice: '1900.001' }, 'unitPrice'],
      ['over-precise amount', { amount: '1900.001' }, 'amount'],
      ['negative funding part', { funding: { general_budget: '-1900.00' } }, 'funding.general_budget'],
      ['amount ≠ quantity × unit price', { amount: '1800.00', funding: { general_budget: '1800.00' }, smeReserved: '0' }, 'amount'],
      ['funding not summing to amount', { funding: { general_budget: '1000.00' } }, 'funding'],
      ['unknown funding source', { funding: { lottery: '1900.00' } }, 'funding.lottery'],
      ['SME set-aside above amount', { smeReserved: '2000.00' }, 'smeReserved'],
      ['unknown project', { projectCode: 'P404' }, 'projectCode'],
      ['empty unit', { unit: ' ' }, 'unit'],
      ['empty item name', { itemName: '' }, 'itemName'],
      ['missing unit', { unit: undefined }, 'unit'],
      ['malformed economic code', { economicCode: '3100' }, 'economicCode'],
      ['unknown field', { color: 'red' }, 'color'],
    ])('%s', async (_rule, change, field) => {
      const before = await eventCount(t);
      const res = await api(t)
        .post(`${SEED_BASE}/purchases`)
        .send({ ...row, ...change })
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, field });
      expect(await eventCount(t)).toBe(before);
    });

    it('amending breaks the same rules with the same fields', async () => {
      const before = await eventCount(t);
      const res = await api(t).patch(`/purchases/${ids[0]}`).send({ amount: '1800.00' }).expect(400);
      expect(res.body.field).toBe('amount');
      expect(await eventCount(t)).toBe(before);
    });
  });

  it('an Idempotency-Key on POST purchases: same key twice → same body, one event', async () => {
    const send = () => api(t).post(`${SEED_BASE}/purchases`).set('Idempotency-Key', 'plan-shredder-2').send(SEED_PURCHASES[0]);
    const first = await send().expect(201);
    const before = await eventCount(t);
    const again = await send().expect(201);
    expect(again.body).toEqual(first.body);
    expect(await eventCount(t)).toBe(before);
  });

  it('rebuilding the read models from the log gives identical tables', async () => {
    const before = await readModelSnapshot(t);
    expect(before.purchases.length).toBeGreaterThan(6);
    await api(t).post('/admin/read-models/rebuild').expect(200);
    expect(await readModelSnapshot(t)).toEqual(before);
  });
});
