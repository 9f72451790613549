import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventStore } from '../../src/event-log/infrastructure/event-store.js';
import { ProjectionRegistry } from '../../src/event-log/infrastructure/projection-registry.js';
import { accept, cardsOf, contract, planPurchase } from '../support/assets.js';
import { SEED_BASE, seedBudget } from '../support/seed.js';
import { eventCount, readModelSnapshot } from '../support/tables.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * An acceptance's cards go through the projections as one run (one statement for all of them);
 * a rebuild meets the same events cut into batches anywhere, or one by one. Both paths must
 * write the same rows.
 */
describe(`asset cards in runs and one by one (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedBudget(t);
    const shredders = await planPurchase(t, SEED_BASE, {
      itemName: '碎纸机',
      catalogCode: 'A02021301',
      unit: '个',
      quantity: '25',
      unitPrice: '1900.00',
    });
    await contract(t, shredders, '47500.00');
    await accept(t, shredders, '10', '19000.00').expect(201);
    await accept(t, shredders, '15', '28500.00', '2024-06-30').expect(201);
    const desk = await planPurchase(t, SEED_BASE, {
      itemName: '台式计算机',
      catalogCode: 'A02010105',
      unit: '台',
      quantity: '1',
      unitPrice: '5600.00',
    });
    await contract(t, desk, '5600.00');
    await accept(t, desk, '1', '5600.00').expect(201);
  });
  afterAll(() => t.close());

  it('an acceptance of 10 and one of 15 make their cards, numbered in sequence, with the day totals', async () => {
    const cards = await cardsOf(t, '731');
    expect(cards).toHaveLength(26);
    const numbers = cards.map((c) => c.assetNo as string).sort();
    expect(numbers[0]).toBe('731-2024-000001');
    expect(numbers[25]).toBe('731-2024-000026');
    const days: Array<{ day: string; acquired_count: string; acquired_value_fen: string }> = await t.dataSource.query(
      `SELECT day::text, acquired_count::text, acquired_value_fen::text FROM asset_category_days WHERE department = '731' ORDER BY day`,
    );
    expect(days).toEqual([
      { day: '2024-04-02', acquired_count: '11', acquired_value_fen: '2460000' },
      { day: '2024-06-30', acquired_count: '15', acquired_value_fen: '2850000' },
    ]);
  });

  it('replaying the log one event at a time, in batches cutting the runs, or whole gives the rows the live runs wrote', async () => {
    const live = await readModelSnapshot(t);
    const events = await eventCount(t);
    const store = t.app.get(EventStore);
    const projections = t.app.get(ProjectionRegistry);
    for (const size of [1, 7, 1000]) {
      await t.dataSource.transaction(async (tx) => {
        await projections.reset(tx);
        let after = '0';
        for (;;) {
          const batch = await store.readBatch(tx, after, size);
          if (batch.length === 0) break;
          await projections.apply(tx, batch);
          after = batch[batch.length - 1].position;
        }
      });
      expect(await readModelSnapshot(t)).toEqual(live);
    }
    expect(await eventCount(t)).toBe(events);
  });
});
