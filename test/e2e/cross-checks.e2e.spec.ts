import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyCrossCheckChange, findingKey } from '../../src/cross-checks/domain/cross-check-change.js';
import type { CrossCheckChanged } from '../../src/cross-checks/domain/cross-check.events.js';
import type { Finding } from '../../src/cross-checks/domain/finding.js';
import { DISCLOSURE_GENERAL_BUDGET_INCOME, seedDisclosureBudget } from '../support/cross-check-seed.js';
import { api } from '../support/http.js';
import { SEED_BASE, SEED_PURCHASES, seedPurchases } from '../support/seed.js';
import { eventCount, readModelSnapshot } from '../support/tables.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

interface EventBody {
  eventId: string;
  type: string;
  position: string;
  data: Record<string, unknown>;
  metadata: { correlationId: string; causationId: string | null };
}

const STREAM = '/streams/cross-checks-731-2024';
const SHREDDER = SEED_PURCHASES[0];
const FUEL = SEED_PURCHASES[4];
const CAR = {
  ...SHREDDER,
  itemName: '轿车',
  catalogCode: 'A02030501',
  unit: '辆',
  unitPrice: '150000.00',
  amount: '150000.00',
  funding: { general_budget: '150000.00' },
  smeReserved: '0',
};

describe(`cross-checks over HTTP (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let ids: string[];

  beforeAll(async () => {
    t = await startTestApp();
    await seedDisclosureBudget(t);
    ids = await seedPurchases(t);
  });
  afterAll(() => t.close());

  const checks = async (base = SEED_BASE) => (await api(t).get(`${base}/cross-checks`).expect(200)).body;
  const changes = async (): Promise<EventBody[]> => (await api(t).get(STREAM).expect(200)).body.events;
  const rules = (body: { findings: Finding[] }) => body.findings.map((f) => f.rule);
  const plan = async (row: object) => (await api(t).post(`${SEED_BASE}/purchases`).send(row).expect(201)).body.id as string;
  const cancel = (id: string) => api(t).post(`/purchases/${id}/cancel`).send({ reason: '测试' }).expect(200);
  /** The CrossCheckChanged events a step appended. */
  async function changesOf(step: () => Promise<unknown>): Promise<EventBody[]> {
    const before = (await changes()).length;
    await step();
    return (await changes()).slice(before);
  }

  it('the seed (six rows, two projects, 310 = 31002 = 1,900.00, declared 1,900.00, the 302 lines, the income) passes', async () => {
    const body = await checks();
    expect(body).toMatchObject({ department: '731', budgetYear: 2024, status: 'pass', findings: [], notEvaluated: [] });
    expect(new Date(body.checkedAt).toISOString()).toBe(body.checkedAt);
    const feed = await api(t).get('/events').query({ department: '731', limit: 1000 }).expect(200);
    expect(body.position).toBe(feed.body.events.at(-1).position);
    // Along the way the budget without purchases failed, and the last change says pass.
    const stream = await changes();
    expect(stream.at(-1)!.data.status).toBe('pass');
    expect(stream.some((e) => e.data.status === 'fail')).toBe(true);
  });

  it('a department-year with nothing in it passes, with the rules it cannot apply listed as not evaluated', async () => {
    const body = await checks('/departments/999/years/2024');
    expect(body).toMatchObject({ status: 'pass', findings: [], position: '0' });
    expect(body.notEvaluated.map((n: { rule: string; reason: string }) => [n.rule, n.reason])).toEqual([
      ['PLANNED_ASSET_TOTAL_MISMATCH', 'PLANNED_ASSET_PURCHASES_NOT_DECLARED'],
      ['FUNDING_SOURCE_EXCEEDED', 'INCOME_NOT_DECLARED'],
    ]);
  });

  describe('a second 碎纸机', () => {
    let second: string;

    it('is AMOUNT_MISMATCH on 31002 (1,900.00 vs 3,800.00, −1,900.00) and PLANNED_ASSET_TOTAL_MISMATCH, in one CrossCheckChanged', async () => {
      const appended = await changesOf(async () => (second = await plan({ ...SHREDDER, itemName: '碎纸机（二）' })));
      const body = await checks();
      expect(body.status).toBe('fail');
      expect(rules(body)).toEqual(['AMOUNT_MISMATCH', 'PLANNED_ASSET_TOTAL_MISMATCH']);
      expect(body.findings[0]).toMatchObject({
        severity: 'error',
        amounts: {
          budget: '1900.00',
          budgetWan: '0.19',
          planned: '3800.00',
          plannedWan: '0.38',
          difference: '-1900.00',
          differenceWan: '-0.19',
        },
        refs: { purchaseIds: [ids[0], second].sort(), economicCodes: ['31002'], projectCodes: ['P001'] },
      });
      expect(body.findings[0].message.zh).toContain('31002 办公设备购置');
      expect(body.findings[1].amounts).toMatchObject({ declared: '1900.00', planned: '3800.00', difference: '-1900.00' });

      expect(appended).toHaveLength(1);
      // The event names no purchase (v3): GET lists them, read at query time.
      const recorded = body.findings.map(({ refs: { purchaseIds: _ids, ...refs }, ...finding }: { refs: Record<string, unknown> }) => ({
        ...finding,
        refs,
      }));
      expect(appended[0].data).toEqual({ status: 'fail', added: recorded, resolved: [] });
      const planned = (await api(t).get(`/streams/purchase-${second}`).expect(200)).body.events[0];
      expect(appended[0].metadata).toEqual({ ...planned.metadata, causationId: planned.eventId });
    });

    it('amending an unrelated field of a purchase appends no CrossCheckChanged', async () => {
      const appended = await changesOf(() => api(t).patch(`/purchases/${second}`).send({ itemName: '碎纸机（备用）' }).expect(200));
      expect(appended).toEqual([]);
    });

    it('a changed amount shows as the old findings resolved and new ones added', async () => {
      const appended = await changesOf(() =>
        api(t)
          .patch(`/purchases/${second}`)
          .send({ unitPrice: '2000.00', amount: '2000.00', funding: { general_budget: '2000.00' } })
          .expect(200),
      );
      expect(appended).toHaveLength(1);
      const data = appended[0].data as CrossCheckChanged['data'];
      expect(data.resolved.map((f) => f.amounts.planned)).toEqual(['3800.00', '3800.00']);
      expect(data.added.map((f) => f.amounts.planned)).toEqual(['3900.00', '3900.00']);
    });

    it('cancelling it is back to pass, with one more CrossCheckChanged', async () => {
      const appended = await changesOf(() => cancel(second));
      expect(appended).toHaveLength(1);
      expect(appended[0].data).toMatchObject({ status: 'pass', added: [] });
      expect((appended[0].data as CrossCheckChanged['data']).resolved.map((f) => f.rule)).toEqual([
        'AMOUNT_MISMATCH',
        'PLANNED_ASSET_TOTAL_MISMATCH',
      ]);
      expect(await checks()).toMatchObject({ status: 'pass', findings: [] });
    });
  });

  it('a car (A02030501 轿车, 1 × 150,000.00) with no 31013 line is PLANNED_WITHOUT_BUDGET_LINE naming 31013 and the purchase', async () => {
    const car = await plan(CAR);
    const body = await checks();
    const finding = body.findings.find((f: Finding) => f.rule === 'PLANNED_WITHOUT_BUDGET_LINE');
    expect(finding).toMatchObject({
      severity: 'error',
      amounts: { planned: '150000.00', plannedWan: '15.00' },
      refs: { purchaseIds: [car], economicCodes: ['31013'], projectCodes: ['P001'] },
    });
    expect(finding.message.zh).toContain('31013 公务用车购置');
    expect(rules(body)).toEqual(['PLANNED_WITHOUT_BUDGET_LINE', 'PLANNED_ASSET_TOTAL_MISMATCH']);
    await cancel(car);
    expect((await checks()).status).toBe('pass');
  });

  it('a 31003 budget line with no 专用设备 purchase is BUDGET_LINE_WITHOUT_PLANNED_PURCHASE (and 310 stops adding up)', async () => {
    const put = (amount: string) => api(t).put(`${SEED_BASE}/budget-lines/31003`).send({ name: '专用设备购置', amount }).expect(200);
    await put('5000.00');
    const body = await checks();
    expect(rules(body)).toEqual(['BUDGET_LINE_WITHOUT_PLANNED_PURCHASE', 'PARENT_TOTAL_MISMATCH']);
    expect(body.findings[0]).toMatchObject({
      amounts: { budget: '5000.00', budgetWan: '0.50' },
      refs: { economicCodes: ['31003'], purchaseIds: [] },
    });
    expect(body.findings[1]).toMatchObject({
      amounts: { parent: '1900.00', children: '6900.00', difference: '-5000.00' },
      refs: { economicCodes: ['310', '31002', '31003'] },
    });
    await put('0.00');
    expect((await checks()).status).toBe('pass');
  });

  it('a project over its budget is PROJECT_OVER_BUDGET', async () => {
    const put = (budget: string) => api(t).put(`${SEED_BASE}/projects/P002`).send({ name: '科协物业管理费', budget }).expect(200);
    await put('149000.00');
    const body = await checks();
    expect(body.findings).toEqual([
      expect.objectContaining({
        rule: 'PROJECT_OVER_BUDGET',
        severity: 'error',
        amounts: {
          budget: '149000.00',
          budgetWan: '14.90',
          planned: '150000.00',
          plannedWan: '15.00',
          difference: '-1000.00',
          differenceWan: '-0.10',
        },
        refs: { purchaseIds: [ids[5]], economicCodes: [], projectCodes: ['P002'], fundingSources: [] },
      }),
    ]);
    await put('150000.00');
    expect((await checks()).status).toBe('pass');
  });

  it('purchases above the income from a funding source are FUNDING_SOURCE_EXCEEDED', async () => {
    await api(t).put(`${SEED_BASE}/income`).send({ general_budget: '171000.00' }).expect(200);
    const body = await checks();
    expect(body.findings).toEqual([
      expect.objectContaining({
        rule: 'FUNDING_SOURCE_EXCEEDED',
        severity: 'error',
        amounts: {
          income: '171000.00',
          incomeWan: '17.10',
          planned: '171400.00',
          plannedWan: '17.14',
          difference: '-400.00',
          differenceWan: '-0.04',
        },
        refs: { purchaseIds: [...ids].sort(), economicCodes: [], projectCodes: ['P001', 'P002'], fundingSources: ['general_budget'] },
      }),
    ]);
    await api(t).put(`${SEED_BASE}/income`).send({ general_budget: DISCLOSURE_GENERAL_BUDGET_INCOME }).expect(200);
    expect((await checks()).status).toBe('pass');
  });

  it('vehicle services beyond 30231 公务用车运行维护费 are a SERVICE_LINE_EXCEEDED warning: the status stays pass', async () => {
    let fuel = '';
    const appended = await changesOf(
      async () =>
        (fuel = await plan({ ...FUEL, unitPrice: '500.00', amount: '500.00', funding: { general_budget: '500.00' }, smeReserved: '0' })),
    );
    const body = await checks();
    expect(body.status).toBe('pass');
    expect(body.findings).toEqual([
      expect.objectContaining({
        rule: 'SERVICE_LINE_EXCEEDED',
        severity: 'warning',
        amounts: {
          budget: '18100.00',
          budgetWan: '1.81',
          planned: '18200.00',
          plannedWan: '1.82',
          difference: '-100.00',
          differenceWan: '-0.01',
        },
        refs: expect.objectContaining({ economicCodes: ['30231'], purchaseIds: [ids[1], ids[3], ids[4], fuel].sort() }),
      }),
    ]);
    expect(appended.map((e) => e.data.status)).toEqual(['pass']);
    await cancel(fuel);
  });

  describe('income', () => {
    const income = (body: object) => api(t).put(`${SEED_BASE}/income`).send(body);

    it('is part of the budget reference, every source listed; the same statement again writes nothing', async () => {
      const before = await eventCount(t);
      const res = await income({ general_budget: DISCLOSURE_GENERAL_BUDGET_INCOME }).expect(200);
      expect(await eventCount(t)).toBe(before);
      expect(res.body.income).toEqual({
        sources: [
          { source: 'general_budget', name: '一般公共预算拨款', amount: '6686400.00', amountWan: '668.64' },
          { source: 'gov_fund', name: '政府性基金预算拨款', amount: '0.00', amountWan: '0.00' },
          { source: 'state_capital', name: '国有资本经营预算拨款', amount: '0.00', amountWan: '0.00' },
          { source: 'fiscal_special_account', name: '财政专户管理资金', amount: '0.00', amountWan: '0.00' },
          { source: 'unit_funds', name: '单位资金', amount: '0.00', amountWan: '0.00' },
          { source: 'carry_over', name: '上年结转结余', amount: '0.00', amountWan: '0.00' },
        ],
        total: '6686400.00',
        totalWan: '668.64',
      });
      expect((await api(t).get(`${SEED_BASE}/budget`).expect(200)).body.income).toEqual(res.body.income);
      const last = (await api(t).get('/streams/budget-731-2024').expect(200)).body.events
        .filter((e: EventBody) => e.type === 'IncomeDeclared')
        .at(-1);
      expect(last.data).toEqual({ income: { general_budget: '6686400.00' }, total: '6686400.00' });
    });

    it.each([
      [{}, 'income'],
      [{ general_budget: '-1.00' }, 'general_budget'],
      [{ general_budget: '1.001' }, 'general_budget'],
      [{ unit_funds: 'abc' }, 'unit_funds'],
      [{ lottery: '1.00' }, 'lottery'],
    ])('%j → 400 naming %s, nothing written', async (body, field) => {
      const before = await eventCount(t);
      expect((await income(body).expect(400)).body).toMatchObject({ statusCode: 400, field });
      expect(await eventCount(t)).toBe(before);
    });
  });

  it('the result agrees with the fold of the CrossCheckChanged stream', async () => {
    await plan({ ...SHREDDER, itemName: '碎纸机（三）' });
    let folded: Finding[] = [];
    for (const event of await changes()) folded = applyCrossCheckChange(folded, event as unknown as CrossCheckChanged);
    const body = await checks();
    expect(body.findings.length).toBeGreaterThan(0);
    // Stored payloads are jsonb (keys reordered): compare by identity, which is order-free.
    expect(new Set(folded.map(findingKey))).toEqual(new Set(body.findings.map(findingKey)));
  });

  it('rebuilding the read models from the log gives identical tables, the current findings included', async () => {
    const before = await readModelSnapshot(t);
    expect(before.cross_check_findings.length).toBe(2);
    expect(before.budget_income.length).toBe(6);
    await api(t).post('/admin/read-models/rebuild').expect(200);
    expect(await readModelSnapshot(t)).toEqual(before);
  });
});
