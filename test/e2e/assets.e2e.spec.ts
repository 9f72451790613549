import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { accept, cardsOf, contract, declareOpeningHoldings, holdingsRow, planPurchase } from '../support/assets.js';
import { api } from '../support/http.js';
import { SEED_BASE, SEED_PURCHASES, seedBudget, seedPurchases } from '../support/seed.js';
import { eventCount, readModelSnapshot } from '../support/tables.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const GENERAL = '通用设备（除车辆）';

describe(`asset register over HTTP (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let ids: string[];

  beforeAll(async () => {
    t = await startTestApp();
    await seedBudget(t);
    ids = await seedPurchases(t);
  });
  afterAll(() => t.close());

  describe('the seed: 731 declares its 2023 holdings and accepts the 碎纸机', () => {
    let shredderAccepted: Record<string, unknown>;

    beforeAll(async () => {
      await declareOpeningHoldings(t);
      await contract(t, ids[0], '1900.00');
      shredderAccepted = (await accept(t, ids[0], '1', '1900.00').expect(201)).body;
      for (const [i, row] of SEED_PURCHASES.entries()) {
        if (i === 0) continue;
        await contract(t, ids[i], row.amount, '2024-01-05');
        await accept(t, ids[i], '1', row.amount, '2024-12-31').expect(201);
      }
    });

    it('declares the opening holdings: 452 items, 1,300,000.00 元 = 130.00 万元; the same PUT again writes nothing', async () => {
      const before = await eventCount(t);
      const res = await declareOpeningHoldings(t);
      expect(await eventCount(t)).toBe(before);
      expect(res.body.total).toEqual({ count: 452, value: '1300000.00', valueWan: '130.00' });
      expect(holdingsRow(res.body, GENERAL)).toEqual({
        category: GENERAL,
        categoryCode: 'general_equipment',
        count: 101,
        value: '591200.00',
        valueWan: '59.12',
      });
      const stream = await api(t).get('/streams/holdings-731').expect(200);
      expect(stream.body.events).toHaveLength(1);
      expect(stream.body.events[0]).toMatchObject({
        type: 'OpeningHoldingsDeclared',
        department: '731',
        budgetYear: 2023,
        data: { asOf: '2023-12-31', total: { count: 452, value: '1300000.00' } },
      });
    });

    it('the acceptance registers one 通用设备 card of 1,900.00 and says so in its answer', async () => {
      expect(shredderAccepted).toMatchObject({
        status: 'accepted',
        carded: { quantity: '1', cards: 1 },
        acceptedNotCarded: { quantity: '0' },
        notCapitalizable: null,
      });
      const cards = (await cardsOf(t, '731')).filter((c) => c.purchaseId === ids[0]);
      expect(cards).toHaveLength(1);
      expect(cards[0]).toMatchObject({
        name: '碎纸机',
        catalogCode: 'A02021301',
        category: GENERAL,
        categoryCode: 'general_equipment',
        quantity: 1,
        unit: '个',
        originalValue: '1900.00',
        unitValue: '1900.00',
        acquiredOn: '2024-04-02',
        source: 'purchase',
        funding: { general_budget: '1900.00' },
        economicCode: '31002',
        status: 'in_use',
        disposal: null,
      });
      const purchase = await api(t).get(`/purchases/${ids[0]}`).expect(200);
      expect(purchase.body).toEqual(shredderAccepted);
    });

    it('the card event is caused by the acceptance and filed under the purchase year', async () => {
      const accepted = (await api(t).get(`/streams/purchase-${ids[0]}`).expect(200)).body.events.at(-1);
      const [card] = (await cardsOf(t, '731')).filter((c) => c.purchaseId === ids[0]);
      const registered = (await api(t).get(`/streams/asset-${card.id}`).expect(200)).body.events[0];
      expect(registered).toMatchObject({
        type: 'AssetRegistered',
        department: '731',
        budgetYear: 2024,
        data: {
          assetId: card.id,
          purchaseId: ids[0],
          acceptanceId: accepted.data.acceptanceId,
          acceptanceSequence: 1,
          originalValue: '1900.00',
          quantity: '1',
        },
        metadata: { causationId: accepted.eventId, correlationId: accepted.metadata.correlationId },
      });
    });

    it('holdings as of 2024-12-31: 通用设备（除车辆） 102 / 593,100.00 元 (59.31 万元), total 453 / 1,301,900.00 元', async () => {
      const res = await api(t).get('/departments/731/holdings').query({ asOf: '2024-12-31' }).expect(200);
      expect(res.body).toMatchObject({ department: '731', asOf: '2024-12-31', openingAsOf: '2023-12-31' });
      expect(holdingsRow(res.body, GENERAL)).toMatchObject({
        count: 102,
        value: '593100.00',
        valueWan: '59.31',
        acquired: { count: 1, value: '1900.00' },
      });
      expect(holdingsRow(res.body, '车辆')).toMatchObject({ count: 1, value: '213600.00', valueWan: '21.36' });
      // No depreciation month is posted in 731: 累计折旧 0, 净值 = 原值.
      expect(res.body.total).toEqual({
        count: 453,
        value: '1301900.00',
        valueWan: '130.19',
        accumulatedDepreciation: '0.00',
        accumulatedDepreciationWan: '0.00',
        netValue: '1301900.00',
        netValueWan: '130.19',
      });
      expect(res.body.depreciatedThrough).toBeNull();
      expect(res.body.categories).toHaveLength(10);
      const before = await api(t).get('/departments/731/holdings').query({ asOf: '2024-04-01' }).expect(200);
      expect(before.body.total).toMatchObject({ count: 452, value: '1300000.00', valueWan: '130.00', netValue: '1300000.00' });
    });

    it('the accepted services create no cards and say why', async () => {
      const cards = await cardsOf(t, '731');
      expect(cards.filter((c) => ids.slice(1).includes(c.purchaseId as string))).toEqual([]);
      for (const id of ids.slice(1)) {
        const res = await api(t).get(`/purchases/${id}`).expect(200);
        expect(res.body).toMatchObject({
          status: 'accepted',
          notCapitalizable: 'service',
          carded: { quantity: '0', cards: 0 },
          acceptedNotCarded: { quantity: '0' },
        });
      }
    });
  });

  describe('acceptance → cards', () => {
    const computers = { itemName: '台式计算机', catalogCode: 'A02010105', unit: '台', quantity: '3', unitPrice: '5000.00' };

    it('3 desktop computers accepted at 3 × 5,000.00 make 3 cards of 5,000.00, each with its share of the funding', async () => {
      const id = await planPurchase(t, SEED_BASE, { ...computers, funding: { general_budget: '10000.00', unit_funds: '5000.00' } });
      const planned = await api(t).get(`/purchases/${id}`).expect(200);
      expect(planned.body).toMatchObject({ carded: { quantity: '0', cards: 0 }, notCapitalizable: null });
      await contract(t, id, '15000.00');
      const res = await accept(t, id, '3', '15000.00').expect(201);
      expect(res.body).toMatchObject({ carded: { quantity: '3', cards: 3 }, acceptedNotCarded: { quantity: '0' }, notCapitalizable: null });
      const cards = (await cardsOf(t, '731')).filter((c) => c.purchaseId === id);
      expect(cards.map((c) => [c.originalValue, c.quantity, c.funding])).toEqual([
        ['5000.00', 1, { general_budget: '3333.33', unit_funds: '1666.67' }],
        ['5000.00', 1, { general_budget: '3333.33', unit_funds: '1666.67' }],
        ['5000.00', 1, { general_budget: '3333.33', unit_funds: '1666.67' }],
      ]);
      expect(new Set(cards.map((c) => c.acceptanceId)).size).toBe(1);
    });

    it('an amount that does not divide by the quantity puts the extra fen on the first cards', async () => {
      const id = await planPurchase(t, SEED_BASE, { ...computers, unitPrice: '3333.34' });
      await contract(t, id, '10000.00');
      await accept(t, id, '3', '10000.00').expect(201);
      // Read per stream: the feed may hold back recent events while any transaction of the server is open.
      const values = [];
      for (const card of (await cardsOf(t, '731')).filter((c) => c.purchaseId === id)) {
        const [registered] = (await api(t).get(`/streams/asset-${card.id}`).expect(200)).body.events;
        values.push([registered.data.acceptanceSequence, registered.data.originalValue]);
      }
      values.sort((a, b) => a[0] - b[0]);
      expect(values).toEqual([
        [1, '3333.34'],
        [2, '3333.33'],
        [3, '3333.33'],
      ]);
    });

    it('a 300.00 元 item creates no card: below the threshold', async () => {
      const id = await planPurchase(t, SEED_BASE, {
        itemName: '装订机',
        catalogCode: 'A02021203',
        unit: '台',
        quantity: '1',
        unitPrice: '300.00',
      });
      expect((await api(t).get(`/purchases/${id}`).expect(200)).body.notCapitalizable).toBe('below_threshold');
      await contract(t, id, '300.00');
      const res = await accept(t, id, '1', '300.00').expect(201);
      expect(res.body).toMatchObject({
        carded: { quantity: '0', cards: 0 },
        acceptedNotCarded: { quantity: '0' },
        notCapitalizable: 'below_threshold',
      });
      expect((await cardsOf(t, '731')).filter((c) => c.purchaseId === id)).toEqual([]);
    });

    it('partial acceptance (2 of 3, then 1) creates 2 then 1 cards; accepting beyond the plan is 409 and writes nothing', async () => {
      const id = await planPurchase(t, SEED_BASE, computers);
      await contract(t, id, '15000.00');
      const first = await accept(t, id, '2', '10000.00', '2024-05-01').expect(201);
      expect(first.body).toMatchObject({ status: 'partially_accepted', carded: { quantity: '2', cards: 2 } });
      expect((await cardsOf(t, '731')).filter((c) => c.purchaseId === id)).toHaveLength(2);
      const second = await accept(t, id, '1', '5000.00', '2024-06-01').expect(201);
      expect(second.body).toMatchObject({ status: 'accepted', carded: { quantity: '3', cards: 3 } });
      const cards = (await cardsOf(t, '731')).filter((c) => c.purchaseId === id);
      expect(cards.map((c) => c.acquiredOn)).toEqual(['2024-05-01', '2024-05-01', '2024-06-01']);

      const again = await planPurchase(t, SEED_BASE, computers);
      await contract(t, again, '15000.00');
      await accept(t, again, '2', '10000.00').expect(201);
      const before = await eventCount(t);
      const over = await accept(t, again, '2', '5000.00').expect(409);
      expect(over.body).toMatchObject({ code: 'PURCHASE.OVER_ACCEPTANCE', field: 'quantity' });
      expect(await eventCount(t)).toBe(before);
      expect((await cardsOf(t, '731')).filter((c) => c.purchaseId === again)).toHaveLength(2);
    });

    it('a batch category (家具用具) gets one batch card for the whole quantity', async () => {
      const id = await planPurchase(t, SEED_BASE, {
        itemName: '办公桌',
        catalogCode: 'A05010201',
        unit: '张',
        quantity: '4',
        unitPrice: '800.00',
      });
      await contract(t, id, '3200.00');
      const res = await accept(t, id, '4', '3000.00').expect(201);
      expect(res.body).toMatchObject({ carded: { quantity: '4', cards: 1 } });
      const [card] = (await cardsOf(t, '731')).filter((c) => c.purchaseId === id);
      expect(card).toMatchObject({ category: '家具用具', quantity: 4, originalValue: '3000.00', unitValue: '750.00' });
    });

    it('a fractional quantity of capitalizable goods is refused at acceptance (400 quantity), nothing written', async () => {
      const id = await planPurchase(t, SEED_BASE, computers);
      await contract(t, id, '15000.00');
      const before = await eventCount(t);
      const res = await accept(t, id, '1.5', '7500.00').expect(400);
      expect(res.body).toMatchObject({ code: 'ASSET.FRACTIONAL_ACCEPTANCE', field: 'quantity' });
      expect(await eventCount(t)).toBe(before);
    });
  });

  describe('cards by hand', () => {
    const base = '/departments/731/assets';
    const desk = {
      name: '文件柜',
      catalogCode: 'A05010502',
      originalValue: '1200.00',
      acquiredOn: '2024-02-01',
      source: 'transfer_in',
      location: '二楼档案室',
    };
    let id: string;

    it('registers, moves and disposes of a card; holdings follow the dates', async () => {
      const created = await api(t).post(base).send(desk).expect(201);
      id = created.body.id;
      expect(created.body).toMatchObject({
        department: '731',
        category: '家具用具',
        quantity: 1,
        originalValue: '1200.00',
        source: 'transfer_in',
        location: '二楼档案室',
        custodian: null,
        purchaseId: null,
        status: 'in_use',
        version: 1,
      });
      // The read adds the card's depreciation: a cabinet's 15 years, nothing posted yet.
      expect((await api(t).get(`/assets/${id}`).expect(200)).body).toEqual({
        ...created.body,
        usefulLifeMonths: 180,
        accumulatedDepreciation: '0.00',
        netValue: '1200.00',
        depreciatedThrough: null,
      });

      const moved = await api(t).post(`/assets/${id}/move`).send({ custodian: '李四' }).expect(200);
      expect(moved.body).toMatchObject({ location: '二楼档案室', custodian: '李四', version: 2 });
      const same = await api(t).post(`/assets/${id}/move`).send({ custodian: '李四' }).expect(200);
      expect(same.body.version).toBe(2);

      const before = (await api(t).get('/departments/731/holdings').query({ asOf: '2024-12-31' })).body;
      const disposed = await api(t)
        .post(`/assets/${id}/dispose`)
        .send({ disposedOn: '2024-10-31', method: '报废', reason: '损坏无法修复' })
        .expect(200);
      expect(disposed.body).toMatchObject({
        status: 'disposed',
        disposal: { disposedOn: '2024-10-31', method: 'scrapped', reason: '损坏无法修复' },
      });
      const after = (await api(t).get('/departments/731/holdings').query({ asOf: '2024-12-31' })).body;
      expect(holdingsRow(after, '家具用具')).toMatchObject({
        count: holdingsRow(before, '家具用具').count - 1,
        disposed: { count: 1, value: '1200.00' },
      });
      const beforeDisposal = (await api(t).get('/departments/731/holdings').query({ asOf: '2024-10-30' })).body;
      expect(holdingsRow(beforeDisposal, '家具用具')).toMatchObject({
        count: holdingsRow(before, '家具用具').count,
        disposed: { count: 0 },
      });
    });

    it('disposing twice is 409; moving a disposed card is 409', async () => {
      const twice = await api(t)
        .post(`/assets/${id}/dispose`)
        .send({ disposedOn: '2024-11-01', method: 'scrapped', reason: 'again' })
        .expect(409);
      expect(twice.body.code).toBe('ASSET.ALREADY_DISPOSED');
      expect((await api(t).post(`/assets/${id}/move`).send({ location: '库房' }).expect(409)).body.code).toBe('ASSET.DISPOSED');
    });

    it('lists with filters and paging', async () => {
      const furniture = await api(t).get(base).query({ category: 'furniture' }).expect(200);
      expect(furniture.body.items.every((c: { category: string }) => c.category === '家具用具')).toBe(true);
      const disposed = await api(t).get(base).query({ status: 'disposed' }).expect(200);
      expect(disposed.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
      const byName = await api(t).get(base).query({ q: '计算机', limit: 2 }).expect(200);
      expect(byName.body).toMatchObject({ offset: 0, limit: 2 });
      expect(byName.body.items).toHaveLength(2);
      expect(byName.body.total).toBeGreaterThanOrEqual(6);
      expect((await api(t).get(base).query({ category: '家具' }).expect(400)).body.field).toBe('category');
      expect((await api(t).get(base).query({ status: 'lost' }).expect(400)).body.field).toBe('status');
    });

    describe('rejections: 4xx naming the field, nothing written', () => {
      it.each([
        ['service code', { catalogCode: 'C21040000' }, 400, 'catalogCode', 'ASSET.NOT_GOODS'],
        ['consumable code', { catalogCode: 'A05040101' }, 400, 'catalogCode', 'ASSET.NOT_AN_ASSET'],
        ['unknown code', { catalogCode: 'A99999999' }, 400, 'catalogCode', 'ASSET.CATALOG_CODE_UNKNOWN'],
        ['malformed code', { catalogCode: 'A0501' }, 400, 'catalogCode', 'ASSET.CATALOG_CODE_MALFORMED'],
        ['negative value', { originalValue: '-1.00' }, 400, 'originalValue', 'MONEY.NEGATIVE'],
        ['over-precise value', { originalValue: '1.001' }, 400, 'originalValue', 'MONEY.TOO_PRECISE'],
        ['malformed date', { acquiredOn: '2024-02-30' }, 400, 'acquiredOn', 'ASSET.INVALID_DATE'],
        ['future date', { acquiredOn: '2999-01-01' }, 400, 'acquiredOn', 'VALIDATION.FUTURE_DATE'],
        ['fractional quantity', { quantity: '1.5' }, 400, 'quantity', 'ASSET.QUANTITY_NOT_WHOLE'],
        ['batch quantity outside batch categories', { catalogCode: 'A02010105', quantity: 2 }, 400, 'quantity', 'ASSET.QUANTITY_NOT_BATCH'],
        ['unknown source', { source: 'found' }, 400, 'source', 'ASSET.SOURCE_UNKNOWN'],
        ['blank name', { name: ' ' }, 400, 'name', 'ASSET.REQUIRED'],
        ['funding not summing to the value', { funding: { general_budget: '1000.00' } }, 400, 'funding', 'ASSET.FUNDING_MISMATCH'],
        ['unknown field', { colour: 'red' }, 400, 'colour', 'VALIDATION.UNKNOWN_FIELD'],
      ])('%s', async (_rule, change, status, field, code) => {
        const before = await eventCount(t);
        const res = await api(t)
          .post(base)
          .send({ ...desk, ...change })
          .expect(status);
        expect(res.body).toMatchObject({ field, code });
        expect(await eventCount(t)).toBe(before);
      });

      it('disposal before acquisition, in the future, or malformed', async () => {
        const card = (await api(t).post(base).send(desk).expect(201)).body.id;
        const before = await eventCount(t);
        const early = await api(t)
          .post(`/assets/${card}/dispose`)
          .send({ disposedOn: '2024-01-31', method: 'sold', reason: 'x' })
          .expect(400);
        expect(early.body).toMatchObject({ code: 'ASSET.DISPOSED_BEFORE_ACQUIRED', field: 'disposedOn' });
        expect(
          (await api(t).post(`/assets/${card}/dispose`).send({ disposedOn: '2999-01-01', method: 'sold', reason: 'x' }).expect(400)).body
            .field,
        ).toBe('disposedOn');
        expect(
          (await api(t).post(`/assets/${card}/dispose`).send({ disposedOn: '31/12/2024', method: 'sold', reason: 'x' }).expect(400)).body
            .field,
        ).toBe('disposedOn');
        expect(
          (await api(t).post(`/assets/${card}/dispose`).send({ disposedOn: '2024-12-31', method: 'burnt', reason: 'x' }).expect(400)).body
            .field,
        ).toBe('method');
        expect(await eventCount(t)).toBe(before);
      });

      it('unknown and malformed asset ids', async () => {
        await api(t).get('/assets/00000000-0000-4000-8000-000000000000').expect(404);
        expect((await api(t).get('/assets/xyz').expect(400)).body.field).toBe('id');
        await api(t)
          .post('/assets/00000000-0000-4000-8000-000000000000/dispose')
          .send({ disposedOn: '2024-12-31', method: 'sold', reason: 'x' })
          .expect(404);
      });

      it.each([
        ['unknown category', [{ category: '飞机', count: 1, value: '1.00' }], 'categories.0.category'],
        [
          'a category twice',
          [
            { category: '车辆', count: 1, value: '1.00' },
            { category: 'vehicles', count: 1, value: '1.00' },
          ],
          'categories.1.category',
        ],
        ['negative count', [{ category: '车辆', count: -1, value: '1.00' }], 'categories.0.count'],
        ['fractional count', [{ category: '车辆', count: 1.5, value: '1.00' }], 'categories.0.count'],
        ['negative value', [{ category: '车辆', count: 1, value: '-1.00' }], 'categories.0.value'],
        ['a value without items', [{ category: '车辆', count: 0, value: '1.00' }], 'categories.0.count'],
        ['a missing count', [{ category: '车辆', value: '1.00' }], 'categories.0.count'],
      ])('opening holdings: %s', async (_rule, categories, field) => {
        const before = await eventCount(t);
        const res = await api(t).put('/departments/731/opening-holdings/2022-12-31').send({ categories }).expect(400);
        expect(res.body.field).toBe(field);
        expect(await eventCount(t)).toBe(before);
      });

      it('opening holdings: a malformed or future date', async () => {
        expect((await api(t).put('/departments/731/opening-holdings/2023-13-31').send({ categories: [] }).expect(400)).body.field).toBe(
          'date',
        );
        expect((await api(t).put('/departments/731/opening-holdings/2999-12-31').send({ categories: [] }).expect(400)).body.field).toBe(
          'date',
        );
        expect((await api(t).get('/departments/731/holdings').query({ asOf: '2024-1-1' }).expect(400)).body.field).toBe('asOf');
      });
    });
  });

  describe('reconciliation of a year', () => {
    it('starts from the book as of the previous 31 December and ends at the holdings as of 31 December', async () => {
      const res = (await api(t).get('/departments/731/years/2024/reconciliation').expect(200)).body;
      const holdings = (await api(t).get('/departments/731/holdings').query({ asOf: '2024-12-31' }).expect(200)).body;
      expect(res).toMatchObject({
        openingAsOf: '2023-12-31',
        closingAsOf: '2024-12-31',
        stocktake: null,
        ledgerDeclared: false,
        balanced: false,
      });
      expect(res.total.opening).toEqual({ count: 452, value: '1300000.00', valueWan: '130.00' });
      for (const r of res.categories) {
        const h = holdingsRow(holdings, r.category);
        expect(r.closingBook).toEqual({ count: h.count, value: h.value, valueWan: h.valueWan });
        expect(r).toMatchObject({ physical: null, ledger: null, differences: { bookMinusPhysical: null, bookMinusLedger: null } });
      }
      const { count, value, valueWan, ...netValue } = holdings.total;
      expect(res.total.closingBook).toEqual({ count, value, valueWan });
      expect(res.total.closingBookNetValue).toEqual(netValue);
    });

    it('a register started mid-year starts from its declaration, and cards dated before it are inside the declared figure', async () => {
      await declareOpeningHoldings(t, '733', '2024-06-30', [{ category: '车辆', count: 2, value: '300000.00' }]);
      const card = { name: '越野车', catalogCode: 'A02030502', originalValue: '250000.00', source: 'opening' };
      await api(t)
        .post('/departments/733/assets')
        .send({ ...card, acquiredOn: '2022-03-01' })
        .expect(201);
      await api(t)
        .post('/departments/733/assets')
        .send({ ...card, acquiredOn: '2024-08-01', source: 'purchase' })
        .expect(201);
      const res = (await api(t).get('/departments/733/years/2024/reconciliation').expect(200)).body;
      expect(res.openingAsOf).toBe('2024-06-30');
      expect(holdingsRow(res, '车辆')).toMatchObject({
        opening: { count: 2, value: '300000.00' },
        acquisitions: { count: 1, value: '250000.00' },
        closingBook: { count: 3, value: '550000.00' },
      });
      expect((await api(t).get('/departments/733/years/2023/reconciliation').expect(200)).body.total.closingBook).toEqual({
        count: 1,
        value: '250000.00',
        valueWan: '25.00',
      });
    });
  });

  describe('card identity: 资产编号 and the register fields', () => {
    const base = '/departments/734/assets';
    const pc = { name: '台式计算机', catalogCode: 'A02010105', originalValue: '5000.00', acquiredOn: '2024-03-12', source: 'transfer_in' };

    it('numbers cards <dept>-<year>-<6 digits> in sequence, keeps a given number, finds a card by it', async () => {
      const first = (await api(t).post(base).send(pc).expect(201)).body;
      const second = (await api(t).post(base).send(pc).expect(201)).body;
      const older = (
        await api(t)
          .post(base)
          .send({ ...pc, acquiredOn: '2019-05-01' })
          .expect(201)
      ).body;
      expect([first.assetNo, second.assetNo, older.assetNo]).toEqual(['734-2024-000001', '734-2024-000002', '734-2019-000001']);
      const given = (
        await api(t)
          .post(base)
          .send({
            ...pc,
            assetNo: 'ZC-0001',
            brand: '联想',
            model: 'M920t',
            usingDepartment: '办公室',
            financeEntryDate: '2024-03-15',
            voucherNo: '记-12',
            usage: '闲置',
          })
          .expect(201)
      ).body;
      expect(given).toMatchObject({
        assetNo: 'ZC-0001',
        brand: '联想',
        model: 'M920t',
        usingDepartment: '办公室',
        financeEntryDate: '2024-03-15',
        voucherNo: '记-12',
        usage: 'idle',
      });
      // A number in the generated form moves the sequence past it.
      await api(t)
        .post(base)
        .send({ ...pc, assetNo: '734-2024-000010' })
        .expect(201);
      expect((await api(t).post(base).send(pc).expect(201)).body.assetNo).toBe('734-2024-000011');

      const found = await api(t).get(base).query({ assetNo: 'ZC-0001' }).expect(200);
      expect(found.body).toMatchObject({ total: 1, items: [{ id: given.id }] });
      expect((await api(t).get(base).query({ assetNo: 'ZC-9999' }).expect(200)).body.total).toBe(0);
      // Numbers are unique per department only.
      await api(t)
        .post('/departments/735/assets')
        .send({ ...pc, assetNo: 'ZC-0001' })
        .expect(201);
    });

    it("refuses another card's number in the department: 409 on assetNo, nothing written", async () => {
      const before = await eventCount(t);
      const res = await api(t)
        .post(base)
        .send({ ...pc, assetNo: 'ZC-0001' })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'ASSET.NUMBER_TAKEN', field: 'assetNo' });
      expect(await eventCount(t)).toBe(before);
    });

    it('PATCH /assets/:id changes the details with If-Match (AssetDetailsChanged); a stale version is 409', async () => {
      const [card] = (await api(t).get(base).query({ assetNo: 'ZC-0001' })).body.items;
      const changed = await api(t)
        .patch(`/assets/${card.id}`)
        .set('If-Match', `"${card.version}"`)
        .send({ usage: 'pending_disposal', brand: null, model: 'M920s' })
        .expect(200);
      expect(changed.body).toMatchObject({ usage: 'pending_disposal', brand: null, model: 'M920s', version: card.version + 1 });
      const stream = (await api(t).get(`/streams/asset-${card.id}`).expect(200)).body.events;
      expect(stream.at(-1)).toMatchObject({
        type: 'AssetDetailsChanged',
        schemaVersion: 1,
        data: {
          changes: {
            usage: { from: 'idle', to: 'pending_disposal' },
            brand: { from: '联想', to: null },
            model: { from: 'M920t', to: 'M920s' },
          },
        },
      });
      const before = await eventCount(t);
      const stale = await api(t).patch(`/assets/${card.id}`).set('If-Match', `"${card.version}"`).send({ brand: 'x' }).expect(409);
      expect(stale.body.code).toBeDefined();
      expect((await api(t).patch(`/assets/${card.id}`).send({ usage: '报废' }).expect(400)).body.field).toBe('usage');
      expect((await api(t).patch(`/assets/${card.id}`).send({}).expect(400)).body.code).toBe('ASSET.NOTHING_TO_CHANGE');
      expect(await eventCount(t)).toBe(before);
    });

    it('GET /purchases/:id lists the ids and numbers of the cards its acceptances made', async () => {
      const purchase = (await api(t).get(`/purchases/${ids[0]}`).expect(200)).body;
      const cards = (await cardsOf(t, '731')).filter((c) => c.purchaseId === ids[0]);
      expect(purchase.carded.assets).toEqual(cards.map((c) => ({ id: c.id, assetNo: c.assetNo })));
      expect(purchase.carded.assets[0].assetNo).toMatch(/^731-2024-\d{6}$/);
    });
  });

  it('rebuilding the read models from the log gives identical tables', async () => {
    const before = await readModelSnapshot(t);
    expect(before.asset_cards.length).toBeGreaterThan(10);
    expect(before.asset_purchase_acceptances.length).toBeGreaterThan(10);
    expect(before.asset_opening_holdings).toHaveLength(20);
    const cardsBefore = await eventCount(t);
    await api(t).post('/admin/read-models/rebuild').expect(200);
    expect(await readModelSnapshot(t)).toEqual(before);
    // Reactors are not replayed: a rebuild registers no card twice.
    expect(await eventCount(t)).toBe(cardsBefore);
  });
});
