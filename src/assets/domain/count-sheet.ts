import type { ImportProblem } from './register-import.js';

/**
 * The count sheet (盘点表) as a file: printed or exported, filled in on the floor, sent back.
 * Only 资产编号 and 实盘数量 are read back (备注 when present); the book columns are there for
 * the counter and are ignored, so a sheet edited by hand cannot change the book.
 */
export const COUNT_SHEET_HEADER = [
  '资产编号',
  '资产名称',
  '资产分类',
  '存放地点',
  '使用人',
  '计量单位',
  '账面数量',
  '账面原值（元）',
  '累计折旧（元）',
  '净值（元）',
  '实盘数量',
  '备注',
] as const;

export const COUNT_COLUMNS = {
  assetNo: ['资产编号', 'assetNo'],
  counted: ['实盘数量', 'countedQuantity'],
  note: ['备注', 'note'],
} as const;
export type CountColumn = keyof typeof COUNT_COLUMNS;

export type CountSheetRow = { row: number; assetNo: string; counted: string; note: string };

/** A count read from a sheet: 0 items is "not found", more is found with that many. */
export type SheetCount = { row: number; assetNo: string; quantity: bigint; note: string | null };

const WHOLE = /^\d{1,9}$/;

/**
 * Reads every row; a row with 实盘数量 left blank was not counted and is skipped. Every bad cell
 * is reported (row and column), not only the first, so one round trip fixes the sheet.
 * `inScope` says which numbers are cards of this stocktake.
 */
export function readCountRows(
  rows: readonly CountSheetRow[],
  header: (column: CountColumn) => string,
  inScope: (assetNo: string) => boolean,
): { counts: SheetCount[]; problems: ImportProblem[] } {
  const counts: SheetCount[] = [];
  const problems: ImportProblem[] = [];
  const firstRow = new Map<string, number>();
  const problem = (row: number, column: CountColumn, code: string, rule: string) =>
    problems.push({ row, column: header(column), code, message: `row ${row}, ${header(column)}: ${rule}` });
  for (const r of rows) {
    const assetNo = r.assetNo.trim();
    const counted = r.counted.trim();
    if (counted === '') continue;
    if (assetNo === '') {
      problem(r.row, 'assetNo', 'STOCKTAKE.ASSET_NO_MISSING', 'is empty; every counted row names its card');
      continue;
    }
    const earlier = firstRow.get(assetNo);
    if (earlier !== undefined) {
      problem(r.row, 'assetNo', 'STOCKTAKE.COUNTED_TWICE', `${assetNo} is counted twice in this sheet (first in row ${earlier})`);
      continue;
    }
    firstRow.set(assetNo, r.row);
    let ok = true;
    if (!inScope(assetNo)) {
      problem(r.row, 'assetNo', 'STOCKTAKE.ASSET_NOT_IN_SCOPE', `${assetNo} is not a card of this stocktake`);
      ok = false;
    }
    // Excel may write a whole number cell as "3.0"; anything else fractional or signed is refused.
    const whole = counted.replace(/\.0+$/, '');
    if (!WHOLE.test(whole)) {
      problem(r.row, 'counted', 'STOCKTAKE.COUNT_INVALID', `${counted} is not a whole number of items (0 = not found)`);
      ok = false;
    }
    if (ok) counts.push({ row: r.row, assetNo, quantity: BigInt(whole), note: r.note.trim() === '' ? null : r.note.trim() });
  }
  return { counts, problems };
}
