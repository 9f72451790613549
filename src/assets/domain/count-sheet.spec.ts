import { describe, expect, it } from '@jest/globals';
import { COUNT_COLUMNS, readCountRows } from './count-sheet.js';

const header = (c: keyof typeof COUNT_COLUMNS) => COUNT_COLUMNS[c][0];
const inScope = (n: string) => n.startsWith('ZC-');
const row = (r: number, assetNo: string, counted: string, note = '') => ({ row: r, assetNo, counted, note });

describe('readCountRows', () => {
  it('reads whole counts (0 = not found), skips rows left blank, and keeps notes', () => {
    const { counts, problems } = readCountRows(
      [row(2, 'ZC-1', '1'), row(3, 'ZC-2', ' 0 ', ' 不见了 '), row(4, 'ZC-3', ''), row(5, 'ZC-4', '12.0')],
      header,
      inScope,
    );
    expect(problems).toEqual([]);
    expect(counts).toEqual([
      { row: 2, assetNo: 'ZC-1', quantity: 1n, note: null },
      { row: 3, assetNo: 'ZC-2', quantity: 0n, note: '不见了' },
      { row: 5, assetNo: 'ZC-4', quantity: 12n, note: null },
    ]);
  });

  it('names every bad cell by row and column, not only the first', () => {
    const { problems } = readCountRows(
      [row(2, '', '1'), row(3, 'ZC-1', '-1'), row(4, 'XX-9', '1'), row(5, 'ZC-2', '1'), row(6, 'ZC-2', '2'), row(7, 'ZC-3', '1.5')],
      header,
      inScope,
    );
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, '资产编号', 'STOCKTAKE.ASSET_NO_MISSING'],
      [3, '实盘数量', 'STOCKTAKE.COUNT_INVALID'],
      [4, '资产编号', 'STOCKTAKE.ASSET_NOT_IN_SCOPE'],
      [6, '资产编号', 'STOCKTAKE.COUNTED_TWICE'],
      [7, '实盘数量', 'STOCKTAKE.COUNT_INVALID'],
    ]);
    expect(problems[3].message).toBe('row 6, 资产编号: ZC-2 is counted twice in this sheet (first in row 5)');
  });
});
