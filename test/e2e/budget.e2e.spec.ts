import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api } from '../support/http.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';
import { eventCount, readModelSnapshot } from '../support/tables.js';

const BASE = '/departments/731/years/2024';
const DAILY = '2024年初预算日常公用经费项目（三保）';

describe(`budget reference over HTTP (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('registers the seed projects, 31002 and the declared planned asset purchases, and reads them back', async () => {
    await api(t).put(`${BASE}/projects/P001`).send({ name: DAILY, budget: '211600.00' }).expect(200);
    await api(t).put(`${BASE}/projects/P002`).send({ name: '科协物业管理费', budget: '150000' }).expect(200);
    await api(t)
      .put(`${BASE}/budget-lines/31002`)
      .send({ name: '办公设备购置', amount: '1900.00', funding: { general_budget: '1900.00' } })
      .expect(200);
    await api(t).put(`${BASE}/planned-asset-purchases`).send({ amount: '1900.00' }).expect(200);

    const res = await api(t).get(`${BASE}/budget`).expect(200);
    expect(res.body).toEqual({
      department: '731',
      budgetYear: 2024,
      projects: [
        { projectCode: 'P001', name: DAILY, budget: '211600.00', budgetWan: '21.16' },
        { projectCode: 'P002', name: '科协物业管理费', budget: '150000.00', budgetWan: '15.00' },
      ],
      budgetLines: [
        {
          economicCode: '31002',
          name: '办公设备购置',
          parentCode: '310',
          amount: '1900.00',
          amountWan: '0.19',
          funding: { general_budget: '1900.00' },
        },
      ],
      plannedAssetPurchases: { amount: '1900.00', amountWan: '0.19' },
      income: null,
    });
    const feed = await api(t).get('/events').query({ department: '731' }).expect(200);
    // The budget stream's events; the cross-check stream reports on them in between.
    const budgetEvents = feed.body.events.filter((e: { streamId: string }) => e.streamId === 'budget-731-2024');
    expect(budgetEvents.map((e: { type: string }) => e.type)).toEqual([
      'ProjectRegistered',
      'ProjectRegistered',
      'BudgetLineSet',
      'PlannedAssetPurchasesDeclared',
    ]);
    expect(budgetEvents[0]).toMatchObject({
      streamId: 'budget-731-2024',
      department: '731',
      budgetYear: 2024,
      data: { projectCode: 'P001', name: DAILY, budget: '211600.00' },
    });
  });

  it('the same PUT twice writes one event; a changed budget writes a ProjectRevised', async () => {
    const before = await eventCount(t);
    await api(t).put(`${BASE}/projects/P001`).send({ name: DAILY, budget: '211600.00' }).expect(200);
    expect(await eventCount(t)).toBe(before);
    await api(t).put(`${BASE}/projects/P001`).send({ name: DAILY, budget: '211700.00' }).expect(200);
    const stream = await api(t).get('/streams/budget-731-2024').expect(200);
    expect(stream.body.events.at(-1)).toMatchObject({
      type: 'ProjectRevised',
      data: { projectCode: 'P001', changes: { budget: { from: '211600.00', to: '211700.00' } } },
    });
    await api(t).put(`${BASE}/projects/P001`).send({ name: DAILY, budget: '211600.00' }).expect(200);
  });

  it('an Idempotency-Key replays the first answer and writes nothing, even after the state moved on', async () => {
    const put = () =>
      api(t)
        .put(`${BASE}/budget-lines/30231`)
        .set('Idempotency-Key', 'line-30231-v1')
        .send({ name: '公务用车运行维护费', amount: '18100.00', funding: { general_budget: '18100.00' } });
    const first = await put().expect(200);
    const before = await eventCount(t);
    await api(t).put(`${BASE}/projects/P003`).send({ name: '其他', budget: '1.00' }).expect(200);
    const again = await put().expect(200);
    expect(again.body).toEqual(first.body);
    expect(await eventCount(t)).toBe(before + 1);
    const reused = await api(t)
      .put(`${BASE}/budget-lines/30231`)
      .set('Idempotency-Key', 'line-30231-v1')
      .send({ name: '公务用车运行维护费', amount: '99.00' })
      .expect(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED', field: 'Idempotency-Key' });
  });

  it.each([
    ['projects/P9', { name: 'x', budget: '-1.00' }, 'budget'],
    ['projects/P9', { name: 'x', budget: '1.001' }, 'budget'],
    ['projects/P9', { name: '', budget: '1.00' }, 'name'],
    ['projects/P9', { name: 'x' }, 'budget'],
    ['projects/P 9', { name: 'x', budget: '1.00' }, 'projectCode'],
    ['budget-lines/3100', { name: 'x', amount: '1.00' }, 'economicCode'],
    ['budget-lines/31002', { name: 'x', amount: '10.00', funding: { general_budget: '9.00' } }, 'funding'],
    ['budget-lines/31002', { name: 'x', amount: '10.00', funding: { lottery: '10.00' } }, 'funding.lottery'],
    ['budget-lines/31002', { name: 'x', amount: '10.00', extra: 1 }, 'extra'],
    ['planned-asset-purchases', { amount: 'abc' }, 'amount'],
  ])('PUT %s %j → 400 naming %s, nothing written', async (path, body, field) => {
    const before = await eventCount(t);
    const res = await api(t).put(`${BASE}/${path}`).send(body).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, field });
    expect(await eventCount(t)).toBe(before);
  });

  it('rejects a bad department or year in the path', async () => {
    const res = await api(t).get('/departments/731/years/24/budget').expect(400);
    expect(res.body.field).toBe('year');
  });

  it('rebuilding the read models from the log gives identical tables', async () => {
    const before = await readModelSnapshot(t);
    expect(before.budget_projects.length).toBe(3);
    const res = await api(t).post('/admin/read-models/rebuild').expect(200);
    expect(res.body.projections).toContain('budget');
    expect(res.body.events).toBe(await eventCount(t));
    expect(await readModelSnapshot(t)).toEqual(before);
  });
});
