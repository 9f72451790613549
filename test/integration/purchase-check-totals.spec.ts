import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PurchaseRepository } from '../../src/procurement/infrastructure/purchase.repository.js';
import { api } from '../support/http.js';
import { SEED_BASE, SEED_PURCHASES, seedBudget, seedPurchases } from '../support/seed.js';
import { readModelSnapshot } from '../support/tables.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The totals an evaluation reads (purchase_check_totals, kept by the projection from each event's
 * difference) must always equal the sums of the live purchases themselves (what the query listing
 * each group's purchases computes), through plans, amendments that move a purchase to another
 * group, cancellations, contracts and acceptances; and a rebuild must give the same rows.
 */
describe(`purchase check totals (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let ids: string[];

  beforeAll(async () => {
    t = await startTestApp();
    await seedBudget(t);
    ids = await seedPurchases(t);
  });
  afterAll(() => t.close());

  /** The groups from the totals and from the live rows, the latter without their purchase ids. */
  async function bothWays() {
    const repository = t.app.get(PurchaseRepository);
    return t.dataSource.transaction(async (tx) => {
      const totals = await repository.checkGroups(tx, '731', 2024, false);
      const scanned = await repository.checkGroups(tx, '731', 2024, true);
      const key = (row: object) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      const strip = <T extends { purchaseIds?: string[] }>(rows: T[]) =>
        rows.map(({ purchaseIds: _ids, ...rest }) => rest).sort((a, b) => key(a).localeCompare(key(b)));
      return {
        totals: { groups: strip(totals.groups), suspects: strip(totals.suspects) },
        scanned: { groups: strip(scanned.groups), suspects: strip(scanned.suspects) },
      };
    });
  }

  it('equal the live purchases summed, after plans', async () => {
    const { totals, scanned } = await bothWays();
    expect(totals.groups.length).toBeGreaterThan(1);
    expect(totals).toEqual(scanned);
  });

  it('follow an amendment into another project and line, and a price typed in 万元 into the suspects', async () => {
    await api(t)
      .patch(`/purchases/${ids[0]}`)
      .send({
        projectCode: 'P002',
        unitPrice: '0.19',
        amount: '0.19',
        funding: { general_budget: '0.10', unit_funds: '0.09' },
        smeReserved: '0.19',
      })
      .expect(200);
    const { totals, scanned } = await bothWays();
    expect(totals.suspects).toEqual([expect.objectContaining({ catalogCode: 'A02021301', projectCode: 'P002', unitPrice: 19n })]);
    expect(totals).toEqual(scanned);
  });

  it('drop a cancelled purchase, and stay put through a contract and an acceptance', async () => {
    await api(t).post(`/purchases/${ids[1]}/cancel`).send({ reason: '重复录入' }).expect(200);
    await api(t)
      .post(`/purchases/${ids[2]}/contract`)
      .send({ supplier: '某印刷厂', contractNo: 'HT-9', amount: '1800.00', signedOn: '2024-03-01' })
      .expect(200);
    await api(t).post(`/purchases/${ids[2]}/acceptances`).send({ quantity: '1', amount: '1800.00', acceptedOn: '2024-03-10' }).expect(201);
    const more = await api(t).post(`${SEED_BASE}/purchases`).send(SEED_PURCHASES[5]).expect(201);
    await api(t).post(`/purchases/${more.body.id}/cancel`).send({ reason: '不需要了' }).expect(200);
    const { totals, scanned } = await bothWays();
    expect(totals).toEqual(scanned);
  });

  it('a rebuild of the read models gives the same totals rows', async () => {
    const before = await readModelSnapshot(t);
    expect(before.purchase_check_totals.length).toBeGreaterThan(0);
    await api(t).post('/admin/read-models/rebuild').expect(200);
    expect(await readModelSnapshot(t)).toEqual(before);
  });
});
