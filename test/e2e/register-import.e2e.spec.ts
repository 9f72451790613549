import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildXlsx } from '../../src/common/spreadsheet/index.js';
import { holdingsRow } from '../support/assets.js';
import { api } from '../support/http.js';
import { eventCount, readModelSnapshot } from '../support/tables.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const DEPT = '736';
const URL = `/departments/${DEPT}/assets/import`;
const HEADER = [
  '资产编号',
  '资产名称',
  '资产分类代码',
  '数量',
  '计量单位',
  '原值',
  '取得日期',
  '取得方式',
  '使用部门',
  '存放地点',
  '使用状况',
  '资金来源',
];
const KINDS = [
  { code: 'A02010105', name: '台式计算机', category: '通用设备（除车辆）', unit: '台', quantity: 1 },
  { code: 'A05010502', name: '文件柜', category: '家具用具', unit: '组', quantity: 4 },
  { code: 'A02030501', name: '轿车', category: '车辆', unit: '辆', quantity: 1 },
];

/** A register export of `n` cards: deterministic values, a third of each kind. */
function register(n: number, prefix = 'ZC'): string[][] {
  return Array.from({ length: n }, (_, i) => {
    const kind = KINDS[i % 3];
    const fen = 100_000 + ((i * 7919) % 900_000);
    return [
      `${prefix}-${String(i + 1).padStart(6, '0')}`,
      `${kind.name} ${i + 1}`,
      kind.code,
      String(kind.quantity),
      kind.unit,
      `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`,
      `20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-15`,
      i % 2 ? '购置' : 'transfer_in',
      '办公室',
      `${1 + (i % 5)}楼`,
      '在用',
      '一般公共预算拨款',
    ];
  });
}
const csv = (rows: string[][], header = HEADER) => Buffer.from([header, ...rows].map((r) => r.join(',')).join('\r\n'), 'utf8');
const upload = (t: TestApp, file: Buffer, query: Record<string, string> = {}, type = 'text/csv') =>
  api(t).post(URL).query(query).set('Content-Type', type).send(file);

/** The file's sums per category, in fen, as the holdings must show them. */
function sums(rows: string[][]) {
  const out = new Map<string, { count: number; fen: bigint }>();
  for (const r of rows) {
    const category = KINDS.find((k) => k.code === r[2])!.category;
    const s = out.get(category) ?? { count: 0, fen: 0n };
    out.set(category, { count: s.count + Number(r[3]), fen: s.fen + BigInt(r[5].replace('.', '')) });
  }
  return out;
}
const yuan = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;

describe(`importing an existing card register (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  const rows = register(10_000);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('a register of 10,000 cards with 3 bad rows: the 3 rows and columns named, nothing written', async () => {
    const bad = rows.map((r) => [...r]);
    bad[16][5] = '12.345';
    bad[4999][2] = 'A99999999';
    bad[9998][6] = '2024-02-30';
    const before = await eventCount(t);
    const res = await upload(t, csv(bad)).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'IMPORT.INVALID_ROWS', field: 'file' });
    expect(res.body.details.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [18, '原值'],
      [5001, '资产分类代码'],
      [10000, '取得日期'],
    ]);
    expect(res.body.details.problems[1].message).toContain('row 5001');
    expect(await eventCount(t)).toBe(before);
  });

  it('a dry run of the fixed file reports the cards and writes nothing', async () => {
    const before = await eventCount(t);
    const res = await upload(t, csv(rows), { dryRun: 'true' }).expect(200);
    expect(res.body).toMatchObject({ dryRun: true, alreadyImported: false, cards: 10_000, events: 10, numbersGenerated: 0 });
    expect(await eventCount(t)).toBe(before);
  });

  it('fixed: all 10,000 cards in 10 AssetsImported events; holdings equal the file’s sums per category', async () => {
    const before = await eventCount(t);
    const res = await upload(t, csv(rows)).expect(200);
    expect(res.body).toMatchObject({ dryRun: false, cards: 10_000, events: 10 });
    expect(await eventCount(t)).toBe(before + 10);
    const holdings = (await api(t).get(`/departments/${DEPT}/holdings`).query({ asOf: '2025-12-31' }).expect(200)).body;
    for (const [category, s] of sums(rows)) {
      expect(holdingsRow(holdings, category)).toMatchObject({ count: s.count, value: yuan(s.fen) });
    }
    const [card] = (await api(t).get(`/departments/${DEPT}/assets`).query({ assetNo: 'ZC-000002' }).expect(200)).body.items;
    expect(card).toMatchObject({
      name: '文件柜 2',
      category: '家具用具',
      quantity: 4,
      source: 'purchase',
      usingDepartment: '办公室',
      usage: 'in_use',
      funding: { general_budget: card.originalValue },
      version: 0,
    });
  });

  it('the same file again writes no event', async () => {
    const before = await eventCount(t);
    const res = await upload(t, csv(rows)).expect(200);
    expect(res.body).toMatchObject({ alreadyImported: true, cards: 0, events: 0 });
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses numbers repeated in the file or already in the register, naming the rows', async () => {
    const again = register(3, 'ZC');
    again[2][0] = 'NEW-1';
    again[1][0] = 'NEW-1';
    const res = await upload(t, csv(again)).expect(400);
    const problems = res.body.details.problems.map((p: { row: number; code: string }) => [p.row, p.code]);
    expect(problems).toEqual([
      [2, 'ASSET.NUMBER_TAKEN'],
      [4, 'ASSET.NUMBER_REPEATED'],
    ]);
  });

  it('an imported card is changed on its own stream; numbers left blank are generated; an xlsx reads the same', async () => {
    const [card] = (await api(t).get(`/departments/${DEPT}/assets`).query({ assetNo: 'ZC-000001' })).body.items;
    const moved = await api(t).post(`/assets/${card.id}/move`).send({ location: '库房' }).expect(200);
    expect(moved.body).toMatchObject({ location: '库房', version: 1, assetNo: 'ZC-000001' });
    await api(t).patch(`/assets/${card.id}`).set('If-Match', '"1"').send({ usage: 'idle' }).expect(200);

    const xlsx = await buildXlsx([
      { name: '资产', headerRowCount: 1, rows: [HEADER, ...register(2, 'X').map((r) => ['', ...r.slice(1)])] },
    ]);
    const res = await upload(t, xlsx, {}, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').expect(200);
    expect(res.body).toMatchObject({ cards: 2, numbersGenerated: 2 });
    const generated = (await api(t).get(`/departments/${DEPT}/assets`).query({ q: '台式计算机 1', limit: 500 })).body.items;
    expect(generated.map((c: { assetNo: string }) => c.assetNo)).toContain(`${DEPT}-2010-000001`);
  });

  it('refuses a file without the required columns, and an empty body', async () => {
    const res = await upload(t, csv([['x']], ['资产名称'])).expect(400);
    expect(res.body).toMatchObject({ code: 'IMPORT.COLUMNS_MISSING', field: 'file' });
    expect(res.body.message).toContain('资产分类代码');
    expect((await api(t).post(URL).set('Content-Type', 'text/csv').expect(400)).body.code).toBe('IMPORT.EMPTY');
  });

  it('a cell with a control character or a bidi override is refused naming file, row and column; nothing written', async () => {
    const before = await eventCount(t);
    for (const text of ['台式\u0007计算机', '台式\u2066计算机']) {
      const [good, bad] = register(2, 'UNSAFE');
      bad[1] = text;
      const res = await upload(t, csv([good, bad])).expect(400);
      expect(res.body).toMatchObject({ code: 'SHEET.UNSAFE_TEXT', field: 'file', details: { row: 3, column: HEADER[1] } });
    }
    expect(await eventCount(t)).toBe(before);
  });

  it('a rebuild of the read models gives identical card rows, per-day totals and holdings', async () => {
    const holdings = async () => (await api(t).get(`/departments/${DEPT}/holdings`).query({ asOf: '2025-12-31' }).expect(200)).body;
    const before = await readModelSnapshot(t);
    const holdingsBefore = await holdings();
    expect(before.asset_cards.length).toBe(10_002);
    expect(before.asset_category_days.length).toBeGreaterThan(0);
    await api(t).post('/admin/read-models/rebuild').expect(200);
    expect(await readModelSnapshot(t)).toEqual(before);
    expect(await holdings()).toEqual(holdingsBefore);
  });
});
