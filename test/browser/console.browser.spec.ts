import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Locator, Page } from 'playwright-core';
import { createApiKey } from '../support/access.js';
import { api } from '../support/http.js';
import { DAILY, PROPERTY, SEED_PURCHASES } from '../support/seed.js';
import { onPostgres } from '../support/test-app.js';
import { choose, CONSOLE_ROOT, type ConsoleRig, field, fill, shot, signIn, startConsoleRig } from './console-browser.js';

jest.setTimeout(180_000);

/** Polls until `check` holds (the console updates asynchronously: fetches, live events). */
async function until(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for: ${what}`);
}
const text = async (l: Locator) => ((await l.first().textContent()) ?? '').trim();

const rows = (page: Page) => page.locator('[data-test=purchases-table] .el-table__body-wrapper tbody tr');
const dialog = (page: Page) => page.locator('.el-dialog:visible');
const formItem = (scope: Locator, label: string) =>
  scope.locator('.el-form-item', { has: scope.page().locator('label', { hasText: new RegExp(`^${label}$`) }) });

async function planInConsole(page: Page, row: (typeof SEED_PURCHASES)[number], projectLabel: string) {
  const before = await rows(page).count();
  await page.locator('[data-test=plan-purchase]').click();
  const d = dialog(page);
  await d.waitFor();
  await choose(page, d.locator('[data-test=field-project]'), projectLabel);
  await fill(d, 'field-itemName', row.itemName);
  await fill(d, 'catalog-input', row.catalogCode);
  await fill(d, 'field-unit', row.unit);
  await fill(d, 'field-quantity', row.quantity);
  await fill(d, 'field-unitPrice', row.unitPrice);
  await fill(d, 'field-smeReserved', row.smeReserved);
  await d.locator('[data-test=save-purchase]').click();
  await page.locator('[data-test=purchase-form]').waitFor({ state: 'detached' });
  await until(`row ${row.itemName} listed`, async () => (await rows(page).count()) === before + 1);
}

async function rowAction(page: Page, item: string, action: string, which: 'first' | 'last' = 'first') {
  const matching = rows(page).filter({ hasText: item });
  await (which === 'first' ? matching.first() : matching.last()).locator(`[data-test=${action}]`).click();
  await dialog(page).waitFor();
}

async function dateField(scope: Locator, name: string, value: string) {
  const input = field(scope, name);
  await input.fill(value);
  await input.press('Enter');
}

async function holdingsCount(page: Page, base: string, category: string): Promise<number> {
  await page.goto(`${base}/app/731/2024/assets`);
  const row = page.locator('[data-test=holdings-table] tbody tr', { hasText: category });
  await row.first().waitFor();
  return Number(await text(row.locator('td').nth(1)));
}

describe(`web console in Chromium, against the real service (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let rig: ConsoleRig;
  let page: Page;
  let key: string;

  beforeAll(async () => {
    rig = await startConsoleRig();
    key = (await createApiKey(rig.t, ['budget_system', 'procurement_officer', 'asset_manager'], ['731'])).key;
    page = await rig.newPage();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('serves the console at /app/ with history fallback and a strict CSP; / redirects there', async () => {
    const root = await fetch(`${rig.base}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/app/']);
    const deep = await fetch(`${rig.base}/app/731/2024/purchases`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="app"></div>');
    const csp = deep.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect((await fetch(`${rig.base}/app/assets/nope.js`)).status).toBe(404);
  });

  it('keeps the initial JavaScript ≤ 500 KB gzipped and the first page interactive within 2 s', async () => {
    const html = readFileSync(join(CONSOLE_ROOT, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const initial = [...html.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(initial.length).toBeGreaterThan(0);
    const gzipped = initial.reduce((sum, file) => sum + gzipSync(readFileSync(join(CONSOLE_ROOT, file))).length, 0);
    const started = Date.now();
    await page.goto(`${rig.base}/app/login`);
    await field(page, 'token').waitFor();
    await page.locator('[data-test=sign-in]:not([disabled])').waitFor();
    const interactive = Date.now() - started;
    console.log(
      `console: initial JS ${(gzipped / 1024).toFixed(1)} KB gzipped (${initial.join(', ')}); sign-in page interactive in ${interactive} ms`,
    );
    expect(gzipped).toBeLessThanOrEqual(500 * 1024);
    expect(interactive).toBeLessThanOrEqual(2000);
  });

  it('the seed flow of the 731/2024 disclosure, through the console only', async () => {
    await signIn(page, rig.base, key);
    expect(page.url()).toBe(`${rig.base}/app/731/${new Date().getFullYear()}`);
    await page.goto(`${rig.base}/app/731/2024/budget`);

    // 预算: the two projects, budget lines 310/31002 and the declared planned fixed-asset total.
    for (const [code, name, budget] of [
      ['P001', DAILY, '211600.00'],
      ['P002', PROPERTY, '150000.00'],
    ]) {
      await fill(page, 'project-code', code);
      await fill(page, 'project-name', name);
      await fill(page, 'project-budget', budget);
      await page.locator('[data-test=save-project]').click();
      await page.locator('[data-test=projects-table] tbody tr', { hasText: name }).waitFor();
    }
    for (const [code, name] of [
      ['310', '资本性支出'],
      ['31002', '办公设备购置'],
    ]) {
      await fill(page, 'line-code', code);
      await fill(page, 'line-name', name);
      await fill(page, 'line-amount', '1900.00');
      await page.locator('[data-test=save-line]').click();
      await page.locator('[data-test=lines-table] tbody tr', { hasText: name }).waitFor();
    }
    await fill(page, 'planned-amount', '1900.00');
    await page.locator('[data-test=save-planned]').click();
    await until('planned total declared', async () => (await text(page.locator('[data-test=planned-assets]'))).includes('0.19 万元'));
    // The tree: 31002 under 310.
    await until(
      '31002 shown under 310',
      async () => (await page.locator('[data-test=lines-table] tr.el-table__row--level-1', { hasText: '31002' }).count()) === 1,
    );
    await shot(page, 'budget');

    // 政府采购预算: the six rows; the catalog field searches as one types and shows the chain.
    await page.goto(`${rig.base}/app/731/2024/purchases`);
    await page.locator('[data-test=plan-purchase]').click();
    const d = dialog(page);
    await fill(d, 'catalog-input', '碎纸');
    await page.locator('.el-autocomplete-suggestion li:visible', { hasText: 'A02021301' }).first().click();
    await until('catalog chain shown', async () =>
      (await text(d.locator('[data-test=catalog-chain]'))).includes('A02 设备 → 办公设备 → 销毁设备 → 碎纸机'),
    );
    expect(await text(d.locator('[data-test=catalog-asset]'))).toContain('固定资产（通用设备（除车辆）');
    expect(await field(d, 'catalog-input').inputValue()).toBe('A02021301');
    await shot(page, 'purchase-dialog');
    await d.locator('.el-dialog__footer button', { hasText: '取消' }).click();
    await page.locator('[data-test=purchase-form]').waitFor({ state: 'detached' });

    for (const row of SEED_PURCHASES) await planInConsole(page, row, row.projectCode === 'P001' ? `P001 ${DAILY}` : `P002 ${PROPERTY}`);
    await until('total 17.14 万元', async () => (await text(page.locator('[data-test=purchase-total] strong'))) === '17.14');
    expect(await text(page.locator('[data-test=purchase-total]'))).toContain('171,400.00 元');
    await shot(page, 'purchases');

    // 交叉核对 in a second tab, following the live feed while the officer works in the first.
    const checks = await rig.newPage();
    await signIn(checks, rig.base, key); // sessionStorage is per tab
    await checks.goto(`${rig.base}/app/731/2024/cross-checks`);
    const banner = checks.locator('[data-test=cross-check-banner] .el-alert__title');
    await until('cross-check 通过', async () => (await text(banner)) === '通过');
    await until('live feed connected', async () => (await text(checks.locator('[data-test=live-state]'))) === '实时更新中');
    await shot(checks, 'cross-checks-pass');

    await planInConsole(page, SEED_PURCHASES[0], `P001 ${DAILY}`);
    await until('finding after a second shredder', async () => (await text(banner)).startsWith('未通过'));
    const finding = checks.locator('[data-test=findings-table] tbody tr', { hasText: '31002' });
    await finding.first().waitFor();
    expect(await text(finding)).toContain('3,800.00 元 / 0.38 万元');
    await shot(checks, 'cross-checks-fail');

    await rowAction(page, '碎纸机', 'cancel', 'last');
    await fill(dialog(page), 'field-reason', '重复计划');
    await dialog(page).locator('[data-test=save-action]').click();
    await rows(page).filter({ hasText: '已取消' }).first().waitFor();
    await until('cross-check 通过 again, live', async () => (await text(banner)) === '通过');
    await checks.close();

    // Contract and accept the shredder: holdings of 通用设备（除车辆） grow by one.
    const before = await holdingsCount(page, rig.base, '通用设备（除车辆）');
    await page.goto(`${rig.base}/app/731/2024/purchases`);
    await rows(page).first().waitFor();
    await rowAction(page, '碎纸机', 'contract');
    await fill(dialog(page), 'field-supplier', '秦皇岛某办公设备有限公司');
    await fill(dialog(page), 'field-contractNo', 'QHD-2024-0031');
    await dateField(dialog(page), 'field-signedOn', '2024-03-01');
    await dialog(page).locator('[data-test=save-action]').click();
    await rows(page).filter({ hasText: '已签合同' }).first().waitFor();
    await rowAction(page, '碎纸机', 'accept');
    await dateField(dialog(page), 'field-acceptedOn', '2024-03-10');
    await dialog(page).locator('[data-test=save-action]').click();
    await rows(page).filter({ hasText: '已验收' }).first().waitFor();
    expect(await holdingsCount(page, rig.base, '通用设备（除车辆）')).toBe(before + 1);
    await page.locator('[data-test=holdings-chart] canvas').waitFor();
    await shot(page, 'holdings', { charts: true });

    // The card and its history.
    await page.goto(`${rig.base}/app/731/2024/cards`);
    await page.locator('[data-test=cards-table] tbody tr', { hasText: '碎纸机' }).locator('a').click();
    await page.locator('[data-test=card-details]').waitFor();
    await page.locator('[data-test=event-list] .el-collapse-item', { hasText: '登记资产卡片' }).waitFor();
    expect(await text(page.locator('[data-test=card-purchase]'))).toContain('碎纸机（A02021301）');
    await shot(page, 'card');

    // 资产清查: open, count, close, reconcile.
    await page.goto(`${rig.base}/app/731/2024/stocktakes`);
    await page.locator('[data-test=open-stocktake-button]').click();
    const sheetRow = page.locator('[data-test=count-sheet] tbody tr', { hasText: '碎纸机' });
    await sheetRow.waitFor();
    await sheetRow.locator('label', { hasText: '找到' }).first().click();
    await page.locator('[data-test=save-counts]').click();
    await until('progress 100%', async () => (await text(page.locator('[data-test=stocktake-progress]'))).includes('100%'));
    await shot(page, 'stocktake-open');
    await page.locator('[data-test=close-stocktake]').click();
    await page.locator('.el-message-box button', { hasText: '结束清查' }).click();
    const result = page.locator('[data-test=stocktake-result] tbody tr', { hasText: '通用设备（除车辆）' });
    await result.waitFor();
    expect(await text(result.locator('td').nth(5))).toBe('1 / 0.19');
    await until('账实相符', async () => (await text(page.locator('[data-test=reconciliation-badges]'))).includes('账实相符'));
    await page.locator('[data-test=reconciliation-chart] canvas').waitFor();
    await shot(page, 'stocktake-closed', { charts: true });

    // 工作台 and 事件.
    const homeStarted = Date.now();
    await page.goto(`${rig.base}/app/731/2024`);
    await until('home tiles', async () => (await text(page.locator('[data-test=tile-procurement] .tile-value'))) === '17.14');
    console.log(`console: 工作台 with its four tiles loaded in ${Date.now() - homeStarted} ms`);
    expect(await text(page.locator('[data-test=tile-cross-check] .tile-value'))).toBe('通过');
    await shot(page, 'home');
    await page.goto(`${rig.base}/app/731/2024/events`);
    await page.locator('[data-test=event-list] .el-collapse-item', { hasText: 'StocktakeClosed' }).waitFor();
    await page.locator('[data-test=event-list] .el-collapse-item__header').first().click();
    await shot(page, 'events');

    expect(rig.problems).toEqual([]);
  });

  it('a validation error appears under its field; nothing is planned', async () => {
    await page.goto(`${rig.base}/app/731/2024/purchases`);
    await rows(page).first().waitFor();
    const count = await rows(page).count();
    await page.locator('[data-test=plan-purchase]').click();
    const d = dialog(page);
    await fill(d, 'field-itemName', '碎纸机');
    await fill(d, 'catalog-input', 'A02021301');
    await fill(d, 'field-unit', '个');
    await fill(d, 'field-quantity', '1');
    await fill(d, 'field-unitPrice', '1900.00');
    await fill(d, 'field-amount', '1800.00');
    await d.locator('[data-test=save-purchase]').click();
    const error = formItem(d, '金额（元）').locator('.el-form-item__error');
    await error.waitFor();
    expect(await text(error)).toContain('1900.00');
    expect(await formItem(d, '数量').locator('.el-form-item__error').count()).toBe(0);
    await shot(page, 'field-error');
    await d.locator('.el-dialog__footer button', { hasText: '取消' }).click();
    expect(await rows(page).count()).toBe(count);
    const listed = await api(rig.t).get('/departments/731/years/2024/purchases').expect(200);
    expect(listed.body.total).toBe(count);
  });

  it('a stale edit shows 已被他人修改 and reloads what the other officer saved', async () => {
    await page.goto(`${rig.base}/app/731/2024/purchases`);
    const row = rows(page).filter({ hasText: '其他印刷服务' }).first();
    await row.waitFor();
    await row.locator('[data-test=amend]').click();
    const d = dialog(page);
    await d.waitFor();
    const id = (await api(rig.t).get('/departments/731/years/2024/purchases?catalogCode=C23090199').expect(200)).body.items[0].id as string;
    await api(rig.t).patch(`/purchases/${id}`).set('If-Match', '1').send({ itemName: '资料汇编印刷服务' }).expect(200);
    await fill(d, 'field-itemName', '宣传册印刷服务');
    await d.locator('[data-test=save-purchase]').click();
    await page.locator('[data-test=conflict]').waitFor();
    expect(await text(page.locator('[data-test=conflict]'))).toContain('已被他人修改');
    await rows(page).filter({ hasText: '资料汇编印刷服务' }).first().waitFor();
    await shot(page, 'stale-edit');
    const now = await api(rig.t).get(`/purchases/${id}`).expect(200);
    expect([now.body.version, now.body.plan.itemName]).toEqual([2, '资料汇编印刷服务']);
  });

  it('a key of department 731 is not offered 732, and a typed URL of 732 shows the 403 message', async () => {
    const officer = (await createApiKey(rig.t, ['procurement_officer'], ['731'])).key;
    const other = await rig.newPage();
    await signIn(other, rig.base, officer);
    await other.goto(`${rig.base}/app/731/2024/purchases`);
    await other.locator('[data-test=dept-picker]').click();
    const options = other.locator('.el-select-dropdown__item:visible');
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual(['731']);
    await other.keyboard.press('Escape');

    await other.goto(`${rig.base}/app/732/2024/purchases`);
    const error = other.locator('[data-test=page-error]');
    await error.first().waitFor();
    expect(await text(error)).toContain('无权访问');
    expect(await other.locator('[data-test=purchases-table] tbody tr').count()).toBe(0);
    await shot(other, 'out-of-scope');
    await other.close();
    expect(rig.problems).toEqual([]);
  });
});
