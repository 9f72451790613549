import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api } from '../support/http.js';
import { SEED_BASE, SEED_PURCHASES, seedBudget } from '../support/seed.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const SHREDDER = { ...SEED_PURCHASES[0], unitPrice: '0.19', amount: '0.19', funding: { general_budget: '0.19' }, smeReserved: '0.19' };
const ZH = '0.19 元——金额以元为单位；0.19 万元应为 1900.00 元';
const EN = '0.19 元 — amounts are in 元; 0.19 万元 would be 1900.00';

describe(`amounts that look typed in 万元 are accepted with a warning (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedBudget(t);
  });
  afterAll(() => t.close());

  it('unitPrice "0.19" → 201 with a warning on unitPrice, in Chinese by default', async () => {
    const res = await api(t).post(`${SEED_BASE}/purchases`).send(SHREDDER).expect(201);
    expect(res.body.warnings).toEqual([{ code: 'AMOUNT_SCALE_SUSPECT', field: 'unitPrice', message: ZH }]);
    expect(res.body.plan.unitPrice).toBe('0.19');
  });

  it('Accept-Language: en gives the English text; the code and field stay', async () => {
    const res = await api(t).post(`${SEED_BASE}/purchases`).set('Accept-Language', 'en-US,en;q=0.9').send(SHREDDER).expect(201);
    expect(res.body.warnings).toEqual([{ code: 'AMOUNT_SCALE_SUSPECT', field: 'unitPrice', message: EN }]);
    const zh = await api(t).post(`${SEED_BASE}/purchases`).set('Accept-Language', 'zh-CN,zh;q=0.9,en;q=0.8').send(SHREDDER).expect(201);
    expect(zh.body.warnings[0].message).toBe(ZH);
  });

  it('the cross-checks list AMOUNT_SCALE_SUSPECT as a warning', async () => {
    const res = await api(t).get(`${SEED_BASE}/cross-checks`).expect(200);
    const suspect = res.body.findings.filter((f: { rule: string }) => f.rule === 'AMOUNT_SCALE_SUSPECT');
    expect(suspect.length).toBeGreaterThanOrEqual(1);
    expect(suspect[0]).toMatchObject({ severity: 'warning', amounts: { amount: '0.19' } });
    expect(suspect[0].message.zh).toContain('0.19 万元应为 1900.00 元');
  });

  it('a budget line, a project budget and a holdings value of 0.19 are warned about too; plausible amounts are not', async () => {
    const line = await api(t).put(`${SEED_BASE}/budget-lines/30201`).send({ name: '办公费', amount: '0.19' }).expect(200);
    expect(line.body.warnings).toEqual([{ code: 'AMOUNT_SCALE_SUSPECT', field: 'amount', message: ZH }]);
    const project = await api(t).put(`${SEED_BASE}/projects/P009`).send({ name: '小项目', budget: '0.19' }).expect(200);
    expect(project.body.warnings).toEqual([{ code: 'AMOUNT_SCALE_SUSPECT', field: 'budget', message: ZH }]);
    const holdings = await api(t)
      .put('/departments/731/opening-holdings/2023-12-31')
      .send({
        categories: [
          { category: 'furniture', count: 1, value: '5000.00' },
          { category: 'general_equipment', count: 1, value: '0.19' },
        ],
      })
      .expect(200);
    expect(holdings.body.warnings).toEqual([{ code: 'AMOUNT_SCALE_SUSPECT', field: 'categories.1.value', message: ZH }]);
    const plain = await api(t).post(`${SEED_BASE}/purchases`).send(SEED_PURCHASES[0]).expect(201);
    expect(plain.body).not.toHaveProperty('warnings');
    const stapler = await api(t).put(`${SEED_BASE}/budget-lines/30202`).send({ name: '印刷费', amount: '50.00' }).expect(200);
    expect(stapler.body).not.toHaveProperty('warnings');
  });
});
