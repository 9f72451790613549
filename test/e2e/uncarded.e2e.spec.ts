import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { accept, contract, declareOpeningHoldings, holdingsRow, OPENING_731 } from '../support/assets.js';
import { api } from '../support/http.js';
import { SEED_BASE, seedBudget, seedPurchases } from '../support/seed.js';
import { eventCount, readModelSnapshot } from '../support/tables.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const GENERAL = '通用设备（除车辆）';
type Row = { category: string; [key: string]: unknown };
const row = (body: { categories: Row[] }, category: string) => body.categories.find((c) => c.category === category)!;

/**
 * The seed unit as a new asset manager meets it: 452 items / 130.00 万元 declared as totals as of
 * 2023-12-31, only 10 of them carded, the 碎纸机 accepted in 2024. The year can balance once the
 * uncarded items are counted by category; a wrongly dated declaration can be withdrawn.
 */
describe(`opening holdings without cards, and withdrawing declarations (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let shredderCard: string;
  const legacy: string[] = [];
  const reconciliation = async () => (await api(t).get(`${SEED_BASE}/reconciliation`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    await seedBudget(t);
    const [shredder] = await seedPurchases(t);
    await contract(t, shredder, '1900.00');
    const accepted = (await accept(t, shredder, '1', '1900.00').expect(201)).body;
    shredderCard = accepted.carded.assets[0].id;
    for (let i = 0; i < 10; i++) {
      const card = await api(t)
        .post('/departments/731/assets')
        .send({
          name: `台式计算机 ${i + 1}`,
          catalogCode: 'A02010105',
          originalValue: '5000.00',
          acquiredOn: '2023-06-30',
          source: 'opening',
        })
        .expect(201);
      legacy.push(card.body.id);
    }
  });
  afterAll(() => t.close());

  describe('a declaration dated wrongly (2024-12-31 instead of 2023-12-31)', () => {
    it("hides the year's acquisitions; withdrawing it restores them", async () => {
      await declareOpeningHoldings(t, '731', '2024-12-31');
      const hidden = await reconciliation();
      expect(hidden.openingAsOf).toBe('2024-12-31');
      expect(hidden.total.acquisitions.count).toBe(0);

      const stale = await api(t).delete('/departments/731/opening-holdings/2024-12-31').set('If-Match', '"7"').expect(409);
      expect(stale.body.statusCode).toBe(409);
      await api(t).delete('/departments/731/opening-holdings/2024-12-31').set('If-Match', '"1"').expect(204);
      const stream = (await api(t).get('/streams/holdings-731').expect(200)).body.events;
      expect(stream.at(-1)).toMatchObject({
        type: 'OpeningHoldingsWithdrawn',
        budgetYear: 2024,
        data: { asOf: '2024-12-31', total: { count: 452, value: '1300000.00' } },
      });

      const restored = await reconciliation();
      expect(restored.openingAsOf).toBe('2023-12-31');
      expect(row(restored, GENERAL).acquisitions).toMatchObject({ count: 1, value: '1900.00' });
      expect(restored.total.opening).toMatchObject({ count: 10, value: '50000.00' });
    });

    it('withdrawing what is not declared is 404; an empty statement is 400; nothing written', async () => {
      const before = await eventCount(t);
      const missing = await api(t).delete('/departments/731/opening-holdings/2024-12-31').expect(404);
      expect(missing.body).toMatchObject({ code: 'ASSET.DECLARATION_NOT_FOUND', field: 'date' });
      expect((await api(t).delete('/departments/731/years/2024/ledger-balances').expect(404)).body.field).toBe('year');
      const empty = await api(t).put('/departments/731/opening-holdings/2023-12-31').send({ categories: [] }).expect(400);
      expect(empty.body).toMatchObject({ code: 'ASSET.DECLARATION_EMPTY', field: 'categories' });
      const emptyLedger = await api(t).put(`${SEED_BASE}/ledger-balances`).send({ categories: [] }).expect(400);
      expect(emptyLedger.body).toMatchObject({ code: 'ASSET.DECLARATION_EMPTY', field: 'categories' });
      expect(await eventCount(t)).toBe(before);
    });
  });

  describe('declared 452 / 130.00 as of 2023-12-31 with 10 of them carded', () => {
    beforeAll(async () => {
      await declareOpeningHoldings(t, '731', '2023-12-31', OPENING_731);
    });

    it('holdings show per category what the declaration has without cards: 442 items', async () => {
      const holdings = (await api(t).get('/departments/731/holdings').query({ asOf: '2024-12-31' }).expect(200)).body;
      expect(holdingsRow(holdings, GENERAL)).toMatchObject({ count: 102, uncarded: { count: 91, value: '541200.00' } });
      expect(holdingsRow(holdings, '家具用具').uncarded).toMatchObject({ count: 346, value: '195200.00' });
      expect(holdings.uncarded).toEqual({ count: 442, value: '1250000.00', valueWan: '125.00' });
    });

    it('the 2024 reconciliation shows uncarded 442 items and says that is why it cannot balance on cards alone', async () => {
      const res = await reconciliation();
      expect(res.total.uncarded).toEqual({ count: 442, value: '1250000.00', valueWan: '125.00' });
      expect(row(res, GENERAL).uncarded).toMatchObject({ count: 91 });
      expect(res.balanced).toBe(false);
      expect(res.statements).toHaveLength(4);
      expect(res.statements.join('\n')).toContain(`${GENERAL}: 91 items / 541200.00 元 of the book of 102 items / 593100.00 元`);

      const st = (await api(t).post('/departments/731/stocktakes').send({ asOf: '2024-12-31' }).expect(201)).body;
      await api(t)
        .post(`/stocktakes/${st.id}/counts`)
        .send({ counts: [...legacy, shredderCard].map((assetId) => ({ assetId, found: true })) })
        .expect(200);
      await api(t).post(`/stocktakes/${st.id}/close`).expect(200);
      const cardsOnly = await reconciliation();
      expect(cardsOnly.total.differences.bookMinusPhysical).toEqual({ count: 442, value: '1250000.00', valueWan: '125.00' });
      expect(cardsOnly.statements[0]).toContain(`did not count; count them by category (categoryCounts)`);
    });

    it('counting the cards and the uncarded items by category, with ledger balances equal to the book, balances the year', async () => {
      const st = (await api(t).post('/departments/731/stocktakes').send({ asOf: '2024-12-31' }).expect(201)).body;
      await api(t)
        .post(`/stocktakes/${st.id}/counts`)
        .send({ counts: [...legacy, shredderCard].map((assetId) => ({ assetId, found: true })) })
        .expect(200);
      const counted = await api(t)
        .post(`/stocktakes/${st.id}/counts`)
        .send({
          categoryCounts: [
            { category: '房屋建筑物及构筑物', count: 4 },
            { category: GENERAL, count: 91 },
            { category: 'vehicles', count: 1, note: '车库' },
            { category: '家具用具', count: 346, value: '195200.00' },
          ],
        })
        .expect(200);
      expect(counted.body.categoryCounts).toHaveLength(4);
      expect(counted.body.categoryCounts[1]).toEqual({
        category: '车辆',
        categoryCode: 'vehicles',
        count: 1,
        value: '213600.00',
        valueWan: '21.36',
        note: '车库',
      });
      const refused = await api(t)
        .post(`/stocktakes/${st.id}/counts`)
        .send({ categoryCounts: [{ category: '专用设备', count: 2 }] })
        .expect(400);
      expect(refused.body).toMatchObject({ code: 'STOCKTAKE.VALUE_REQUIRED', field: 'categoryCounts.0.value' });
      await api(t).post(`/stocktakes/${st.id}/close`).expect(200);

      await api(t)
        .put(`${SEED_BASE}/ledger-balances`)
        .send({
          categories: [
            { category: '房屋建筑物及构筑物', value: '300000.00' },
            { category: GENERAL, value: '593100.00' },
            { category: '车辆', value: '213600.00' },
            { category: '家具用具', value: '195200.00' },
          ],
        })
        .expect(200);
      const res = await reconciliation();
      expect(res.total).toMatchObject({
        closingBook: { count: 453, value: '1301900.00' },
        uncarded: { count: 442 },
        physical: { count: 453, value: '1301900.00', uncardedCounted: { count: 442, value: '1250000.00' } },
        differences: { bookMinusPhysical: { count: 0, value: '0.00' }, bookMinusLedger: { value: '0.00' } },
      });
      expect(res.statements).toEqual([]);
      expect(res.balanced).toBe(true);
    });

    it('withdrawing the ledger balances takes the ledger side away again (LedgerBalancesWithdrawn)', async () => {
      await api(t).delete(`${SEED_BASE}/ledger-balances`).expect(204);
      const res = await reconciliation();
      expect(res).toMatchObject({ ledgerDeclared: false, balanced: false });
      const stream = (await api(t).get('/streams/ledger-731-2024').expect(200)).body.events;
      expect(stream.at(-1)).toMatchObject({ type: 'LedgerBalancesWithdrawn', data: { year: 2024, total: '1301900.00' } });
    });
  });

  it('rebuilding the read models from the log gives identical tables', async () => {
    const before = await readModelSnapshot(t);
    expect(before.stocktake_category_counts).toHaveLength(4);
    await api(t).post('/admin/read-models/rebuild').expect(200);
    expect(await readModelSnapshot(t)).toEqual(before);
  });
});
