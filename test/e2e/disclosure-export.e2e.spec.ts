import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { parse as parseDisposition } from 'content-disposition';
import request from 'supertest';
import { formatWanYuan } from '../../src/common/money/money.js';
import { readSheet } from '../../src/common/spreadsheet/index.js';
import { parseDisclosure } from '../../src/disclosure/domain/parse-disclosure.js';
import { SEED_DISCLOSURE } from '../support/disclosure.js';
import { api } from '../support/http.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const BASE = '/departments/731/years/2024/disclosure';
const seed = parseDisclosure(SEED_DISCLOSURE);
const wan = (fen: bigint) => formatWanYuan(fen);

/** xlsx cells read back as text give numbers in their shortest form ("15", "0.1"); compare as 万元 with 2 decimals. */
const as2 = (cell: string) => (/^\d+(\.\d+)?$/.test(cell) ? Number(cell).toFixed(2) : cell);

describe(`disclosure export round trip (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await api(t).post('/disclosures').set('Content-Type', 'text/plain; charset=utf-8').send(SEED_DISCLOSURE).expect(201);
  });
  afterAll(() => t.close());

  const download = async (path: string) => {
    const res = await api(t)
      .get(path)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    return {
      body: res.body as Buffer,
      type: res.headers['content-type'],
      disposition: res.headers['content-disposition'],
    };
  };
  const rowsOf = async (path: string) => (await readSheet((await download(path)).body)).map((r) => r.cells);

  describe.each(['csv', 'xlsx'] as const)('%s', (format) => {
    const norm = (cells: readonly string[]) => cells.map((c) => (format === 'xlsx' ? as2(c) : c));

    it('部门政府采购预算: every cell of the seed table, with the 合计 and 小计 rows', async () => {
      const rows = await rowsOf(`${BASE}/procurement.${format}`);
      expect(rows[0][0]).toBe('部门政府采购预算');
      expect(rows[1][0]).toBe('731 秦皇岛市科学技术协会 预算年度：2024 单位：万元');
      // xlsx reads a merged cell's value in each of its cells, so the cell after 政府采购项目来源 is left out.
      expect([rows[2][0], ...rows[2].slice(2, 8)]).toEqual([
        '政府采购项目来源',
        '采购物品名称',
        '政府采购目录序号',
        '计量单位',
        '数量',
        '单价',
        '政府采购金额',
      ]);
      expect(rows[2][14]).toBe('预留中小微企业份额');
      expect(rows[3]).toEqual(
        expect.arrayContaining([
          '项目名称',
          '预算资金',
          '合计',
          '一般公共预算拨款',
          '基金预算拨款',
          '国有资本经营预算拨款',
          '财政专户核拨',
          '单位资金',
          '上年结转结余',
        ]),
      );
      const pad = (cells: readonly string[]) => [...cells, ...Array(15 - cells.length).fill('')].slice(0, 15);
      expect(norm(pad(rows[4]))).toEqual(['合计', '', '', '', '', '', '', '17.14', '17.14', '', '', '', '', '', '17.14']);
      expect(norm(pad(rows[5]))).toEqual([
        '秦皇岛市科学技术协会本级',
        '',
        '小计',
        '',
        '',
        '',
        '',
        '17.14',
        '17.14',
        '',
        '',
        '',
        '',
        '',
        '17.14',
      ]);
      const expected = seed.procurement!.rows.map((r) => [
        r.projectName,
        wan(r.projectBudget),
        r.itemName,
        r.catalogCode,
        r.unit,
        r.quantity.toString(),
        wan(r.unitPrice),
        wan(r.amount),
        wan(r.funding.general_budget!),
        '',
        '',
        '',
        '',
        '',
        wan(r.smeReserved),
      ]);
      const data = rows.slice(6, 12).map((r) => {
        const cells = norm(pad(r));
        cells[5] = pad(r)[5];
        return cells;
      });
      expect(data).toEqual(expected);
      expect(rows).toHaveLength(12);
    });

    it('部门固定资产占用情况表 as of 2023-12-31: the four categories and 合计 452 / 130.00', async () => {
      const rows = await rowsOf(`/departments/731/disclosure/fixed-assets.${format}?asOf=2023-12-31`);
      expect(rows[1][0]).toBe('731 秦皇岛市科学技术协会 截止时间：2023-12-31');
      expect(rows[2]).toEqual(['项目', '数量', '价值（金额单位：万元）']);
      const expected = [...seed.holdings!.rows.map((r) => [r.category, String(r.count), wan(r.value)]), ['合计', '452', '130.00']];
      // The register lists categories in the catalog's order; the seed prints 车辆 after 通用设备.
      const data = rows.slice(3).map((r) => [r[0], r[1], norm([r[2]])[0]]);
      expect([...data].sort()).toEqual([...expected].sort());
      expect(data[data.length - 1]).toEqual(['合计', '452', '130.00']);
    });

    it('一般公共预算基本支出: every line of the seed, 合计 554.64', async () => {
      const rows = await rowsOf(`${BASE}/basic-expenditure.${format}`);
      expect(rows[2]).toEqual(['科目编码', '科目名称', '合计']);
      expect(norm(rows[3])).toEqual(['合计', '', '554.64']);
      expect(rows.slice(4).map((r) => [r[0], r[1], norm([r[2]])[0]])).toEqual(
        seed.basicExpenditure!.lines.map((l) => [l.economicCode, l.name, wan(l.amount)]),
      );
    });
  });

  it('xlsx: merged frozen header, amounts as numbers with format 0.00; Content-Disposition with the Chinese name (RFC 5987)', async () => {
    const file = await download(`${BASE}/procurement.xlsx`);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(parseDisposition(file.disposition).parameters.filename).toBe('731-2024-部门政府采购预算.xlsx');
    expect(file.disposition).toContain("filename*=UTF-8''731-2024-");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body.buffer.slice(file.body.byteOffset, file.body.byteOffset + file.body.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.getCell('B3').master.address).toBe('A3');
    expect(sheet.getCell('N3').master.address).toBe('H3');
    expect(sheet.getCell('O4').master.address).toBe('O3');
    expect(sheet.getCell('H5').value).toBe(17.14);
    expect(sheet.getCell('H5').numFmt).toBe('0.00');
  });

  it('csv: UTF-8 with BOM', async () => {
    const file = await download(`${BASE}/basic-expenditure.csv`);
    expect(file.type).toContain('text/csv');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('a holdings asOf that is not a date is a 400 naming it', async () => {
    const res = await request(t.server())
      .get('/departments/731/disclosure/fixed-assets.csv?asOf=yesterday')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .expect(400);
    expect(res.body.field).toBe('asOf');
  });
});
