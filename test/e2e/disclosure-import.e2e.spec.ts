import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role } from '../../src/common/auth/permissions.js';
import { createApiKey } from '../support/access.js';
import { SEED_DISCLOSURE, withLine } from '../support/disclosure.js';
import { api } from '../support/http.js';
import { eventCount, readModelSnapshot } from '../support/tables.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const BASE = '/departments/731/years/2024';
const DAILY = '2024年初预算日常公用经费项目（三保）';

describe(`disclosure import (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const post = (text: string, query = '') =>
    api(t).post(`/disclosures${query}`).set('Content-Type', 'text/plain; charset=utf-8').send(text);

  it('a dry run of the seed reports every table and the diff, and writes no event', async () => {
    const before = await eventCount(t);
    const res = await post(SEED_DISCLOSURE, '?dryRun=true').expect(200);
    expect(await eventCount(t)).toBe(before);
    expect(res.body).toMatchObject({
      department: { code: '731', name: '秦皇岛市科学技术协会' },
      budgetYear: 2024,
      unit: '万元',
      outcome: 'dry_run',
      errors: [],
      inconsistencies: [],
      tables: {
        income: { rows: 1, totalWanYuan: '668.64' },
        basicExpenditure: { rows: 33, totalWanYuan: '554.64' },
        projects: { rows: 5 },
        procurement: { rows: 6, totalWanYuan: '17.14', subtotals: [{ unitName: '秦皇岛市科学技术协会本级', amountWanYuan: '17.14' }] },
        holdings: { rows: 4, asOf: '2023-12-31', count: '452', valueWanYuan: '130.00' },
        plannedAssetPurchasesWanYuan: '0.19',
      },
      eventsWritten: 0,
    });
    expect(res.body.derivedProjectCodes).toEqual([
      { name: DAILY, projectCode: expect.stringMatching(/^X-731-2024-[0-9a-f]{12}$/), line: 1280 },
    ]);
    expect(res.body.counts).toEqual({ added: 1 + 1 + 33 + 6 + 1 + 6 + 4, changed: 0, unchanged: 0, onlyInRegister: 0 });
    expect(res.body.skipped.map((s: { line: number }) => s.line)).toEqual([86, 157, 198, 309, 424, 436, 448]);
  });

  it('imports the seed: every number of its tables is in the register and the cross-checks pass', async () => {
    const res = await post(SEED_DISCLOSURE).expect(201);
    expect(res.body).toMatchObject({ outcome: 'imported', errors: [], inconsistencies: [] });
    // The department's name, 6 projects, 33 lines, the income, the declared 0.19, 6 purchases, the holdings, DisclosureImported.
    expect(res.body.eventsWritten).toBe(1 + 6 + 33 + 1 + 1 + 6 + 1 + 1);
    const daily = res.body.derivedProjectCodes[0].projectCode as string;

    expect((await api(t).get('/departments/731').expect(200)).body).toEqual({ code: '731', name: '秦皇岛市科学技术协会' });

    const budget = (await api(t).get(`${BASE}/budget`).expect(200)).body;
    const line = (code: string) => budget.budgetLines.find((l: { economicCode: string }) => l.economicCode === code);
    expect(line('310')).toMatchObject({ name: '资本性支出', amount: '1900.00' });
    expect(line('31002')).toMatchObject({ name: '办公设备购置', amount: '1900.00', funding: { general_budget: '1900.00' } });
    expect(line('302')).toMatchObject({ name: '商品和服务支出', amount: '524700.00' });
    expect(budget.budgetLines.filter((l: { economicCode: string }) => /^302\d\d$/.test(l.economicCode))).toHaveLength(16);
    expect(budget.budgetLines).toHaveLength(33);
    const project = (code: string) => budget.projects.find((p: { projectCode: string }) => p.projectCode === code);
    expect(project('13030024P00RRF8100023')).toMatchObject({ name: '科协物业管理费', budget: '150000.00' });
    expect(project(daily)).toMatchObject({ name: DAILY, budget: '211600.00' });
    expect(budget.projects).toHaveLength(6);
    expect(budget.income).toMatchObject({ total: '6686400.00', totalWan: '668.64' });
    expect(budget.plannedAssetPurchases).toEqual({ amount: '1900.00', amountWan: '0.19' });

    const purchases = (await api(t).get(`${BASE}/purchases`).query({ limit: 100 }).expect(200)).body;
    // Planned in one transaction, so listed in no particular order: compared by catalog code.
    const items = (purchases.items as Array<{ plan: Record<string, string> }>).sort((a, b) =>
      a.plan.catalogCode.localeCompare(b.plan.catalogCode),
    );
    expect(
      items.map((p) => [
        p.plan.itemName,
        p.plan.catalogCode,
        p.plan.unit,
        p.plan.quantity,
        p.plan.unitPrice,
        p.plan.amount,
        p.plan.smeReserved,
      ]),
    ).toEqual([
      ['碎纸机', 'A02021301', '个', '1', '1900.00', '1900.00', '1900.00'],
      ['财产保险服务', 'C18040102', '辆', '1', '1000.00', '1000.00', '1000.00'],
      ['物业管理服务', 'C21040000', '年', '1', '150000.00', '150000.00', '150000.00'],
      ['其他印刷服务', 'C23090199', '批', '1', '1800.00', '1800.00', '1800.00'],
      ['车辆维修和保养服务', 'C23120301', '辆', '1', '5000.00', '5000.00', '5000.00'],
      ['车辆加油、添加燃料服务', 'C23120302', '辆', '1', '11700.00', '11700.00', '11700.00'],
    ]);
    expect(items.every((p) => JSON.stringify(p.plan.funding) === JSON.stringify({ general_budget: p.plan.amount }))).toBe(true);
    expect(items.map((p) => p.plan.projectCode)).toEqual([daily, daily, '13030024P00RRF8100023', daily, daily, daily]);

    const holdings = (await api(t).get('/departments/731/holdings').query({ asOf: '2023-12-31' }).expect(200)).body;
    const held = holdings.categories
      .filter((c: { count: number }) => c.count > 0)
      .map((c: { category: string; count: number; valueWan: string }) => [c.category, c.count, c.valueWan]);
    expect(held).toEqual([
      ['房屋建筑物及构筑物', 4, '30.00'],
      ['车辆', 1, '21.36'],
      ['通用设备（除车辆）', 101, '59.12'],
      ['家具用具', 346, '19.52'],
    ]);
    expect(holdings.total).toMatchObject({ count: 452, valueWan: '130.00' });

    const checks = (await api(t).get(`${BASE}/cross-checks`).expect(200)).body;
    expect(checks).toMatchObject({ status: 'pass', findings: [] });
  });

  it('a second import of the same document writes no event and says unchanged', async () => {
    const before = await eventCount(t);
    const snapshot = await readModelSnapshot(t);
    const res = await post(SEED_DISCLOSURE).expect(201);
    expect(res.body).toMatchObject({ outcome: 'unchanged', eventsWritten: 0, counts: { added: 0, changed: 0, onlyInRegister: 0 } });
    expect(await eventCount(t)).toBe(before);
    expect(await readModelSnapshot(t)).toEqual(snapshot);
  });

  it('a re-published seed with one changed amount: the dry run names exactly that row, the import amends exactly that purchase', async () => {
    // 物业管理服务 15.00 → 16.00 (unit price, 合计, 一般公共预算拨款, SME share), with the totals that follow from it.
    let text = withLine(1552, '年 1 15.00 15.00 15.00 15.00', '年 1 16.00 16.00 16.00 16.00');
    text = withLine(1544, '15.00', '16.00', text);
    text = withLine(1266, '合 计 17.14 17.14 17.14', '合 计 18.14 18.14 18.14', text);
    text = withLine(1278, '17.14 17.14 17.14', '18.14 18.14 18.14', text);
    text = withLine(1195, '17.14万元', '18.14万元', text);
    text = withLine(813, '预算数 15.00 其中：财政 资金 15.00', '预算数 16.00 其中：财政 资金 16.00', text);

    const before = await eventCount(t);
    const dry = (await post(text, '?dryRun=true').expect(200)).body;
    expect(await eventCount(t)).toBe(before);
    const changed = Object.entries(dry.diff).flatMap(([section, entries]) =>
      (entries as Array<{ status: string; key: string; changes?: object }>)
        .filter((e) => e.status === 'changed')
        .map((e) => [section, e.key, e.changes]),
    );
    expect(changed).toEqual([
      ['projects', '13030024P00RRF8100023', { budget: { from: '150000.00', to: '160000.00' } }],
      [
        'purchases',
        '13030024P00RRF8100023/C21040000/物业管理服务',
        {
          unitPrice: { from: '150000.00', to: '160000.00' },
          amount: { from: '150000.00', to: '160000.00' },
          funding: { from: 'general_budget=150000.00', to: 'general_budget=160000.00' },
          smeReserved: { from: '150000.00', to: '160000.00' },
        },
      ],
    ]);

    const purchasesBefore = (await api(t).get(`${BASE}/purchases`).query({ limit: 100 }).expect(200)).body.items as Array<{
      id: string;
      version: number;
    }>;
    const res = await post(text).expect(201);
    expect(res.body.outcome).toBe('imported');
    const purchasesAfter = (await api(t).get(`${BASE}/purchases`).query({ limit: 100 }).expect(200)).body.items as Array<{
      id: string;
      version: number;
      plan: { amount: string };
    }>;
    expect(purchasesAfter.map((p) => p.id)).toEqual(purchasesBefore.map((p) => p.id));
    const bumped = purchasesAfter.filter((p, i) => p.version !== purchasesBefore[i].version);
    expect(bumped.map((p) => p.plan.amount)).toEqual(['160000.00']);
  });

  it('a corrupted amount (0.1a9) → 422 naming the line, nothing written', async () => {
    const before = await eventCount(t);
    const res = await post(withLine(1298, '个 1 0.19 0.19 0.19 0.19', '个 1 0.19 0.1a9 0.19 0.19')).expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'DISCLOSURE.REJECTED', field: 'file' });
    expect(res.body.details.report.errors).toEqual([{ line: 1298, reason: expect.stringContaining('"0.1a9"') }]);
    expect(res.body.message).toContain('line 1298');
    expect(await eventCount(t)).toBe(before);
  });

  it('a truncated document → 422 naming the line where it stops making sense, nothing written', async () => {
    const before = await eventCount(t);
    // Cut inside the 4th row of 政府采购预算 (its item name, 车辆维 / 修和保, is where the text stops).
    const truncated = SEED_DISCLOSURE.split('\n').slice(0, 1500).join('\n');
    const res = await post(truncated).expect(422);
    const report = res.body.details.report;
    expect(report.errors).toEqual([{ line: 1482, reason: expect.stringContaining('cut off') }]);
    expect(report.inconsistencies.map((n: { line: number }) => n.line)).toEqual([1266, 1276]);
    expect(res.body.message).toContain('line 1482');
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses an empty body and a document without the header', async () => {
    await post('').expect(400);
    const res = await post('部门预算收支总表\n1 一、一般公共预算拨款收入 668.64\n').expect(422);
    expect(res.body.details.report.errors[0]).toMatchObject({ line: 1 });
  });

  it('takes the document as a multipart file too', async () => {
    const res = await api(t)
      .post('/disclosures?dryRun=true')
      .attach('file', Buffer.from(SEED_DISCLOSURE, 'utf8'), { filename: '731-2024.txt', contentType: 'text/plain' })
      .expect(200);
    // The register holds the re-published figures by now: the seed would change them back.
    expect(res.body).toMatchObject({ outcome: 'dry_run', counts: { added: 0, changed: 2 } });
  });

  it('a multipart file is held to the text rules of a text/plain body: a control character → 400 naming file and line, nothing written', async () => {
    const before = await eventCount(t);
    const lines = SEED_DISCLOSURE.split('\n');
    lines[2] = `${lines[2]}\u001b`;
    const res = await api(t)
      .post('/disclosures')
      .attach('file', Buffer.from(lines.join('\n'), 'utf8'), { filename: '731-2024.txt', contentType: 'text/plain' })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'SHEET.UNSAFE_TEXT', field: 'file', details: { line: 3 } });
    expect(res.body.message).toMatch(/^文件第 3 行含有不能登记的字符/);
    expect(await eventCount(t)).toBe(before);
  });

  it("needs budget:write, purchases:write and (with a holdings table) assets:write for the document's department", async () => {
    const as = async (roles: Role[], departments: string[]) => (await createApiKey(t, roles, departments)).key;
    const postAs = (key: string) =>
      // English: the message names the missing permissions, which the fixed zh-CN text does not.
      api(t, key)
        .post('/disclosures?dryRun=true')
        .set('Content-Type', 'text/plain; charset=utf-8')
        .set('Accept-Language', 'en')
        .send(SEED_DISCLOSURE);
    expect((await postAs(await as(['procurement_officer'], ['731'])).expect(403)).body.code).toBe('AUTH.PERMISSION_DENIED');
    const budgetOnly = (await postAs(await as(['budget_system'], ['731'])).expect(403)).body;
    expect(budgetOnly).toMatchObject({ code: 'AUTH.PERMISSION_DENIED', field: 'file' });
    expect(budgetOnly.message).toContain('purchases:write, assets:write');
    await postAs(await as(['budget_system', 'procurement_officer'], ['731'])).expect(403);
    await postAs(await as(['budget_system', 'procurement_officer', 'asset_manager'], ['731'])).expect(200);
    expect((await postAs(await as(['admin'], ['999'])).expect(403)).body.code).toBe('AUTH.DEPARTMENT_OUT_OF_SCOPE');
  });

  it('GET /departments/:dept of an unnamed department is 404; PUT names it, idempotently', async () => {
    await api(t).get('/departments/732').expect(404);
    await api(t).put('/departments/732').send({ name: '  某单位 ' }).expect(200, { code: '732', name: '某单位' });
    const before = await eventCount(t);
    await api(t).put('/departments/732').send({ name: '某单位' }).expect(200);
    expect(await eventCount(t)).toBe(before);
    expect((await api(t).put('/departments/732').send({ name: '' }).expect(400)).body.field).toBe('name');
    expect((await api(t).get('/departments/732').expect(200)).body).toEqual({ code: '732', name: '某单位' });
  });
});
