import { describe, expect, it } from '@jest/globals';
import { catalogCodeOf, readRegisterRows, REGISTER_COLUMNS, type RegisterColumn, type RegisterRow } from './register-import.js';
import { CABINET_ENTRY, CAR_ENTRY } from './testing/asset-fixtures.js';

const catalog = (code: string) => (code === CAR_ENTRY.code ? CAR_ENTRY : code === CABINET_ENTRY.code ? CABINET_ENTRY : null);
const header = (field: RegisterColumn) => REGISTER_COLUMNS[field][0];
const car = { name: '公务用车', catalogCode: 'A02030501', originalValue: '213,600.00', acquiredOn: '2020/6/30' };
const rows = (...cells: Array<Partial<Record<RegisterColumn, string>>>): RegisterRow[] => cells.map((c, i) => ({ row: i + 2, cells: c }));

describe('readRegisterRows', () => {
  it('reads a card: dates as registers write them, thousands separators, defaults for source and usage', () => {
    const { cards, problems } = readRegisterRows(rows(car), header, catalog, '2024-12-31');
    expect(problems).toEqual([]);
    expect(cards[0]).toMatchObject({
      row: 2,
      assetNo: null,
      category: '车辆',
      quantity: 1n,
      originalValue: 21_360_000n,
      acquiredOn: '2020-06-30',
      source: 'opening',
      usage: 'in_use',
      fundingSource: null,
    });
  });

  it('names every bad cell by row and column, all of them, and keeps no card of a bad row', () => {
    const { cards, problems } = readRegisterRows(
      rows(
        { ...car, originalValue: '-1', acquiredOn: '2030-01-01' },
        { ...car, catalogCode: 'A99999999', quantity: '3' },
        { ...car, usage: '报废', fundingSource: '自筹' },
        { ...car, catalogCode: 'A05010502', quantity: '12', accumulatedDepreciation: '300000' },
      ),
      header,
      catalog,
      '2024-12-31',
    );
    expect(cards).toEqual([]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '原值', 'MONEY.NEGATIVE'],
      [2, '取得日期', 'VALIDATION.FUTURE_DATE'],
      [3, '资产分类代码', 'ASSET.CATALOG_CODE_UNKNOWN'],
      [4, '使用状况', 'ASSET.USAGE_UNKNOWN'],
      [4, '资金来源', 'FUNDING.UNKNOWN_SOURCE'],
      [5, '累计折旧', 'ASSET.DEPRECIATION_ABOVE_VALUE'],
    ]);
    expect(problems[0].message).toMatch(/^row 2: 原值 must not be negative/);
    expect(problems[1].message).toMatch(/^row 2: 取得日期 2030-01-01 is in the future \(today is 2024-12-31\)/);
  });

  it('refuses a number repeated in the file, naming the row that has it first', () => {
    const { problems } = readRegisterRows(rows({ ...car, assetNo: 'A-1' }, { ...car, assetNo: 'A-1' }), header, catalog, '2024-12-31');
    expect(problems).toEqual([expect.objectContaining({ row: 3, column: '资产编号', code: 'ASSET.NUMBER_REPEATED' })]);
    expect(problems[0].message).toContain('row 2');
  });

  it('reads a GB/T 14885-2022 code as the catalog code it shares', () => {
    expect(catalogCodeOf('02030501')).toBe('A02030501');
    expect(catalogCodeOf(' a02030501 ')).toBe('A02030501');
  });
});
