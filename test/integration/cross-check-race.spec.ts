import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyCrossCheckChange, findingKey } from '../../src/cross-checks/domain/cross-check-change.js';
import type { CrossCheckChanged } from '../../src/cross-checks/domain/cross-check.events.js';
import type { Finding } from '../../src/cross-checks/domain/finding.js';
import { ReactorRegistry } from '../../src/event-log/infrastructure/reactor-registry.js';
import { gate, sleep } from '../support/context.js';
import { seedDisclosureBudget } from '../support/cross-check-seed.js';
import { api } from '../support/http.js';
import { SEED_BASE, SEED_PURCHASES, seedPurchases } from '../support/seed.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

interface EventBody {
  eventId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { causationId: string | null };
}

describe(`cross-checks under concurrent writers (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDisclosureBudget(t);
    await seedPurchases(t);
  });
  afterAll(() => t.close());

  const plan = (itemName: string) =>
    api(t)
      .post(`${SEED_BASE}/purchases`)
      .send({ ...SEED_PURCHASES[0], itemName });
  const stream = async (id: string): Promise<EventBody[]> => (await api(t).get(`/streams/${id}`).expect(200)).body.events;

  /** Whether some session is waiting for an advisory lock (PostgreSQL only). */
  async function advisoryLockAwaited(): Promise<boolean> {
    for (let i = 0; i < 50; i++) {
      const rows: unknown[] = await t.dataSource.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
      if (rows.length > 0) return true;
      await sleep(20);
    }
    return false;
  }

  /**
   * A plans a second 碎纸机 and holds its transaction open after its evaluation (a reactor
   * registered after the cross-checks one waits on a gate); B plans a third meanwhile. Without
   * the per-department-year lock B would evaluate on the findings before A's, and its
   * CrossCheckChanged would lose the stream-version race against A's: a 409 for B's officer.
   * With it, B waits, then sees A's purchase and A's change, and both requests succeed.
   */
  it('two officers planning at once both succeed, and the last evaluation sees both purchases', async () => {
    const evaluated = gate();
    const hold = gate();
    t.app.get(ReactorRegistry).register({
      name: 'test-hold-first-writer',
      async react(_tx, events) {
        if (events.some((e) => e.type === 'PurchasePlanned' && e.data.itemName === '碎纸机（甲）')) {
          evaluated.open();
          await hold.opened;
        }
      },
    });
    const before = (await stream('cross-checks-731-2024')).length;

    const first = plan('碎纸机（甲）').then((r) => r);
    await evaluated.opened;
    const second = plan('碎纸机（乙）').then((r) => r);
    let waited: boolean;
    try {
      // On PGlite B cannot even begin before A commits (one session), so there is nothing to observe.
      waited = onPostgres() ? await advisoryLockAwaited() : (await sleep(200), true);
    } finally {
      hold.open();
    }
    const [a, b] = await Promise.all([first, second]);

    expect([a.status, b.status]).toEqual([201, 201]);
    expect(waited).toBe(true);
    const changes = (await stream('cross-checks-731-2024')).slice(before);
    const [plannedA] = await stream(`purchase-${a.body.id}`);
    const [plannedB] = await stream(`purchase-${b.body.id}`);
    expect(changes.map((e) => e.metadata.causationId)).toEqual([plannedA.eventId, plannedB.eventId]);
    const [byA, byB] = changes.map((e) => e.data as CrossCheckChanged['data']);
    expect(byA.added.map((f) => [f.rule, f.amounts.planned])).toEqual([
      ['AMOUNT_MISMATCH', '3800.00'],
      ['PLANNED_ASSET_TOTAL_MISMATCH', '3800.00'],
    ]);
    expect(byB.resolved.map((f) => f.amounts.planned)).toEqual(['3800.00', '3800.00']);
    // The events name no purchase (v3): the findings are their sums; GET lists the purchases.
    expect(byB.added.map((f) => [f.rule, f.amounts.planned, 'purchaseIds' in f.refs])).toEqual([
      ['AMOUNT_MISMATCH', '5700.00', false],
      ['PLANNED_ASSET_TOTAL_MISMATCH', '5700.00', false],
    ]);

    let folded: Finding[] = [];
    for (const event of await stream('cross-checks-731-2024'))
      folded = applyCrossCheckChange(folded, event as unknown as CrossCheckChanged);
    const live = (await api(t).get(`${SEED_BASE}/cross-checks`).expect(200)).body;
    expect(new Set(live.findings.map(findingKey))).toEqual(new Set(folded.map(findingKey)));
    const mismatch = live.findings.find((f: Finding) => f.rule === 'AMOUNT_MISMATCH');
    expect(mismatch.refs.purchaseIds).toHaveLength(3);
  });
});
