import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReactorRegistry } from '../../src/event-log/infrastructure/reactor-registry.js';
import { cardsOf, contract, planPurchase } from '../support/assets.js';
import { durableDatabase, type DurableDatabase } from '../support/durable-app.js';
import { api } from '../support/http.js';
import { SEED_BASE, seedBudget } from '../support/seed.js';
import { eventCount } from '../support/tables.js';
import { onPostgres, type TestApp } from '../support/test-app.js';

const countOf = async (t: TestApp, sql: string, params: unknown[]) => Number((await t.dataSource.query(sql, params))[0].n);

/**
 * DESIGN §6 / issue §2: the reaction acceptance → cards must never be lost or doubled. A reactor
 * registered after the asset register's fails inside the acceptance's transaction, after the
 * cards were written: the request fails and nothing of it survives. The app is then restarted on
 * the same database and the client retries with the same Idempotency-Key, then once more.
 */
describe(`acceptance and cards commit together, across a crash and a restart (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let db: DurableDatabase;
  let purchaseId: string;
  const KEY = 'accept-computers-2024-04-02';
  const body = { quantity: '3', amount: '15000.00', acceptedOn: '2024-04-02' };

  beforeAll(async () => {
    db = await durableDatabase();
  });
  afterAll(() => db.dispose());

  it('a failure after the cards were written rolls back the acceptance and the cards (500, nothing written)', async () => {
    const t = await db.start();
    try {
      await seedBudget(t);
      purchaseId = await planPurchase(t, SEED_BASE, {
        itemName: '台式计算机',
        catalogCode: 'A02010105',
        unit: '台',
        quantity: '3',
        unitPrice: '5000.00',
      });
      await contract(t, purchaseId, '15000.00');
      let cardsSeen = 0;
      t.app.get(ReactorRegistry).register({
        name: 'crash-after-the-asset-register',
        async react(tx, events) {
          if (!events.some((e) => e.type === 'PurchaseAccepted')) return;
          cardsSeen = Number(
            (await tx.manager.query(`SELECT count(*)::int AS n FROM asset_cards WHERE purchase_id = $1`, [purchaseId]))[0].n,
          );
          throw new Error('simulated crash between acceptance and commit');
        },
      });
      const before = await eventCount(t);
      const res = await api(t).post(`/purchases/${purchaseId}/acceptances`).set('Idempotency-Key', KEY).send(body).expect(500);
      expect(res.body).toEqual({ statusCode: 500, code: 'INTERNAL', message: '服务器内部错误', field: null });
      expect(cardsSeen).toBe(3);
      expect(await eventCount(t)).toBe(before);
      expect(await countOf(t, `SELECT count(*) AS n FROM events WHERE type = 'PurchaseAccepted'`, [])).toBe(0);
      expect(await countOf(t, `SELECT count(*) AS n FROM asset_cards WHERE purchase_id = $1`, [purchaseId])).toBe(0);
      expect(await countOf(t, `SELECT count(*) AS n FROM idempotency_keys WHERE key = $1`, [KEY])).toBe(0);
      expect((await api(t).get(`/purchases/${purchaseId}`).expect(200)).body).toMatchObject({
        status: 'contracted',
        carded: { quantity: '0', cards: 0 },
      });
    } finally {
      await t.close();
    }
  });

  it('after a restart the retry with the same key registers the cards exactly once, and a second retry replays the answer', async () => {
    const t = await db.start();
    try {
      const first = await api(t).post(`/purchases/${purchaseId}/acceptances`).set('Idempotency-Key', KEY).send(body).expect(201);
      expect(first.body).toMatchObject({ status: 'accepted', carded: { quantity: '3', cards: 3 }, acceptedNotCarded: { quantity: '0' } });
      const afterFirst = await eventCount(t);
      const again = await api(t).post(`/purchases/${purchaseId}/acceptances`).set('Idempotency-Key', KEY).send(body).expect(201);
      expect(again.body).toEqual(first.body);
      expect(await eventCount(t)).toBe(afterFirst);

      const cards = (await cardsOf(t, '731')).filter((c) => c.purchaseId === purchaseId);
      expect(cards).toHaveLength(3);
      expect(new Set(cards.map((c) => c.acceptanceId)).size).toBe(1);
      expect(await countOf(t, `SELECT count(*) AS n FROM events WHERE type = 'PurchaseAccepted'`, [])).toBe(1);
      expect(await countOf(t, `SELECT count(*) AS n FROM events WHERE type = 'AssetRegistered'`, [])).toBe(3);
      expect((await api(t).get(`/purchases/${purchaseId}`).expect(200)).body).toEqual(first.body);
    } finally {
      await t.close();
    }
  });

  it('a retry without the key is refused: the purchase is fully accepted, and no card is added', async () => {
    const t = await db.start();
    try {
      const res = await api(t).post(`/purchases/${purchaseId}/acceptances`).send(body).expect(409);
      expect(res.body.code).toBe('PURCHASE.ILLEGAL_TRANSITION');
      expect(await countOf(t, `SELECT count(*) AS n FROM asset_cards WHERE purchase_id = $1`, [purchaseId])).toBe(3);
    } finally {
      await t.close();
    }
  });
});
