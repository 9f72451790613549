import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { buildXlsx, writeCsv } from '../../src/common/spreadsheet/index.js';
import { SHEET_HEADER } from '../../src/disclosure/domain/purchase-sheet.js';
import { api } from '../support/http.js';
import { seedBudget } from '../support/seed.js';
import { eventCount } from '../support/tables.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const BASE = '/departments/731/years/2024';
const row = (item: string, code: string, unit: string, qty: string, price: string, amount: string, project = 'P001') => [
  project,
  '',
  item,
  code,
  unit,
  qty,
  price,
  amount,
  amount,
  '',
  '',
  '',
  '',
  '',
  '0',
];

describe(`procurement plans from a spreadsheet (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedBudget(t);
  });
  afterAll(() => t.close());

  const upload = (content: Buffer, name: string, query = '') =>
    api(t).post(`${BASE}/purchases/import${query}`).attach('file', content, name);

  it('a CSV with 2 bad rows names both rows (and every bad cell), in English and Chinese, and writes nothing', async () => {
    const before = await eventCount(t);
    const csv = writeCsv([
      SHEET_HEADER,
      row('碎纸机', 'A02021301', '个', '1', '1900.00', '1900.00'),
      row('财产保险服务', 'C18040102', '辆', 'one', '1000.00', '1000.00'),
      row('其他印刷服务', 'C23090199', '批', '1', '18x0', '1800.00'),
      row('物业管理服务', 'C21040000', '年', '1', '150000.00', '150000.00', 'P002'),
    ]);
    const res = await upload(csv, 'plans.csv').expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'SHEET.REJECTED', field: 'file' });
    const errors = res.body.details.report.errors as Array<{
      row: number;
      column: string;
      code: string;
      message: string;
      messageZh: string;
    }>;
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '数量', 'QUANTITY.INVALID'],
      [4, '单价（元）', 'MONEY.INVALID'],
    ]);
    expect(errors[0].message).toMatch(/^row 3, 数量: /);
    expect(errors[1].messageZh).toBe('第 4 行「单价（元）」：不是以元为单位、最多两位小数的金额');
    expect(await eventCount(t)).toBe(before);
  });

  it.each([
    ['a control character', 'a\u001bb'],
    ['a bidi override', 'a\u202eb'],
  ])('a cell with %s is refused like the same text in JSON: 400 naming file, row and column; nothing written', async (_, text) => {
    const before = await eventCount(t);
    const csv = writeCsv([
      SHEET_HEADER,
      row('碎纸机', 'A02021301', '个', '1', '1900.00', '1900.00'),
      row(text, 'A02021301', '个', '1', '1900.00', '1900.00'),
    ]);
    const res = await upload(csv, 'plans.csv').expect(400);
    expect(res.body).toMatchObject({ code: 'SHEET.UNSAFE_TEXT', field: 'file', details: { row: 3, column: '采购物品名称' } });
    expect(res.body.message).toMatch(/^文件第 3 行「采购物品名称」含有不能登记的字符/);
    const en = await upload(csv, 'plans.csv').set('Accept-Language', 'en').expect(400);
    expect(en.body.message).toMatch(/^file: row 3, column 采购物品名称 contains a /);
    expect(await eventCount(t)).toBe(before);
  });

  it('a row the domain refuses (unknown catalog code) is named with its column; nothing written', async () => {
    const before = await eventCount(t);
    const csv = writeCsv([
      SHEET_HEADER,
      row('碎纸机', 'A02021301', '个', '1', '1900.00', '1900.00'),
      row('不存在', 'Z99', '个', '1', '100.00', '100.00'),
    ]);
    const errors = (await upload(csv, 'plans.csv').expect(422)).body.details.report.errors;
    expect(errors).toEqual([expect.objectContaining({ row: 3, column: '政府采购目录序号' })]);
    expect(await eventCount(t)).toBe(before);
  });

  it('an xlsx of good rows: a dry run answers 200 and writes nothing, the import plans every row', async () => {
    const xlsx = await buildXlsx([
      {
        name: 'plans',
        headerRowCount: 1,
        rows: [
          SHEET_HEADER,
          row('碎纸机', 'A02021301', '个', '1', '1900.00', '1900.00'),
          [],
          row('物业管理服务', 'C21040000', '年', '1', '150000.00', '150000.00', 'P002'),
        ],
      },
    ]);
    const before = await eventCount(t);
    const dry = (await upload(xlsx, 'plans.xlsx', '?dryRun=true').expect(200)).body;
    expect(dry).toMatchObject({ dryRun: true, rows: 2, planned: 2, errors: [] });
    expect(await eventCount(t)).toBe(before);
    const res = (await upload(xlsx, 'plans.xlsx').expect(201)).body;
    expect(res).toMatchObject({ dryRun: false, rows: 2, planned: 2, errors: [] });
    const planned = await api(t).get(`/purchases/${res.purchaseIds[1]}`).expect(200);
    expect(planned.body.plan).toMatchObject({
      itemName: '物业管理服务',
      projectCode: 'P002',
      amount: '150000.00',
      funding: { general_budget: '150000.00' },
    });
  });

  it('a file without the required columns is refused naming them', async () => {
    const errors = (
      await upload(
        writeCsv([
          ['项目编码', '数量'],
          ['P001', '1'],
        ]),
        'x.csv',
      ).expect(422)
    ).body.details.report.errors;
    expect(errors.map((e: { column: string }) => e.column)).toEqual([
      '采购物品名称',
      '政府采购目录序号',
      '计量单位',
      '单价（元）',
      '合计（元）',
    ]);
    await api(t).post(`${BASE}/purchases/import`).expect(400);
  });

  it('the template: the columns, one example row, drop-downs for 计量单位 and amount checks on the funding columns', async () => {
    const res = await api(t)
      .get('/templates/procurement.xlsx')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const body = res.body as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(SHEET_HEADER);
    expect(sheet.getCell('C2').value).toBe('碎纸机');
    expect(sheet.getCell('E2').dataValidation).toMatchObject({ type: 'list' });
    expect(sheet.getCell('I2').dataValidation).toMatchObject({ type: 'decimal' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // The template's example row imports as it is.
    const dry = (await upload(body, 'template.xlsx', '?dryRun=true').expect(200)).body;
    expect(dry).toMatchObject({ rows: 1, planned: 1, errors: [] });
  });
});
