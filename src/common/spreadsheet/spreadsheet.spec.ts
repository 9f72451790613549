import ExcelJS from 'exceljs';
import { parse } from 'content-disposition';
import { attachmentDisposition, buildXlsx, HeaderIndex, isBlankRow, readSheet, writeCsv } from './index.js';

describe('spreadsheet', () => {
  describe('readSheet (CSV)', () => {
    it('reads UTF-8 with a BOM, numbering rows from 1 and starting a multi-line cell at its first line', async () => {
      const csv = Buffer.from('\ufeff项目名称,数量\r\n"科协\n物业",1\r\n\r\n办公设备,2\r\n', 'utf8');
      const rows = await readSheet(csv);
      expect(rows.map((row) => row.number)).toEqual([1, 2, 4, 5]);
      expect(rows[0].cells).toEqual(['项目名称', '数量']);
      expect(rows[1].cells).toEqual(['科协\n物业', '1']);
      expect(isBlankRow(rows[2])).toBe(true);
      expect(rows[3].cells).toEqual(['办公设备', '2']);
    });

    it('numbers a row after cells holding CRLF, several LFs or a lone CR by the lines they take', async () => {
      const csv = Buffer.from('名称,备注\r\n"甲","一\r\n二"\r\n"乙\n\n丙","x\ry"\r\n丁,\r\n', 'utf8');
      const rows = await readSheet(csv);
      expect(rows.map((row) => row.number)).toEqual([1, 2, 4, 8]);
      expect(rows[2].cells).toEqual(['乙\n\n丙', 'x\ry']);
      expect(rows[3].cells).toEqual(['丁', '']);
    });

    it('reads UTF-8 without a BOM and rows of different lengths', async () => {
      const rows = await readSheet(Buffer.from('a,b,c\n1\n', 'utf8'));
      expect(rows.map((row) => row.cells)).toEqual([['a', 'b', 'c'], ['1']]);
    });
  });

  describe('HeaderIndex', () => {
    it('finds columns by header name ignoring whitespace and line breaks, and lists the missing ones', () => {
      const header = new HeaderIndex({ number: 1, cells: [' 项目名称 ', '政府采购\n金额', ''] });
      const row = { number: 2, cells: ['物业', ' 15.00 '] };
      expect(header.column('政府采购金额')).toBe(1);
      expect(header.get(row, '项目名称')).toBe('物业');
      expect(header.get(row, '政府采购金额')).toBe('15.00');
      expect(header.get(row, '数量')).toBe('');
      expect(header.missing(['项目名称', '数量'])).toEqual(['数量']);
    });
  });

  describe('writeCsv', () => {
    it('starts with the UTF-8 BOM, quotes cells that need it and reads back the same', async () => {
      const rows = [
        ['项目', '价值（金额单位：万元）'],
        ['车辆', '1,0"0'],
        ['合计', 130],
        ['空', null],
      ];
      const csv = writeCsv(rows);
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.toString('utf8')).toContain('"1,0""0"');
      expect((await readSheet(csv)).map((row) => row.cells)).toEqual([
        ['项目', '价值（金额单位：万元）'],
        ['车辆', '1,0"0'],
        ['合计', '130'],
        ['空', ''],
      ]);
    });
  });

  describe('buildXlsx', () => {
    it('writes merged, frozen header rows, decimals as 0.00 number cells and list validations, and reads back as text', async () => {
      const xlsx = await buildXlsx([
        {
          name: '政府采购预算',
          headerRowCount: 2,
          rows: [
            ['项目', '金额', null],
            [null, '合计', '单位资金'],
            ['物业', { decimal: '15.00' }, { integer: '3' }],
            ['设备', { decimal: '0.19' }, null],
          ],
          merges: ['A1:A2', 'B1:C1'],
          columnWidths: [20, 12, 12],
          validations: [{ column: 3, fromRow: 3, toRow: 4, values: ['台', '个'] }],
        },
      ]);

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
      const sheet = workbook.getWorksheet('政府采购预算')!;
      expect(sheet.getCell('B3').value).toBe(15);
      expect(sheet.getCell('B3').numFmt).toBe('0.00');
      expect(sheet.getCell('B4').value).toBe(0.19);
      expect(sheet.getCell('C3').numFmt).toBe('0');
      expect(sheet.getCell('A2').isMerged).toBe(true);
      expect(sheet.getCell('C1').master.address).toBe('B1');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(sheet.getCell('C4').dataValidation).toMatchObject({ type: 'list', formulae: ['"台,个"'] });
      expect(sheet.getColumn(1).width).toBe(20);

      const rows = await readSheet(xlsx);
      expect(rows[2]).toEqual({ number: 3, cells: ['物业', '15', '3'] });
      expect(rows[3].cells.slice(0, 2)).toEqual(['设备', '0.19']);
    });
  });

  describe('attachmentDisposition', () => {
    it('gives an ASCII fallback and the RFC 5987 UTF-8 file name', () => {
      const header = attachmentDisposition('731-2024-政府采购预算.xlsx');
      expect(header).toContain("filename*=UTF-8''731-2024-%E6%94%BF%E5%BA%9C%E9%87%87%E8%B4%AD%E9%A2%84%E7%AE%97.xlsx");
      expect(header).toMatch(/^attachment; filename="731-2024-\?+\.xlsx"/);
      expect(parse(header).parameters.filename).toBe('731-2024-政府采购预算.xlsx');
    });
  });
});
