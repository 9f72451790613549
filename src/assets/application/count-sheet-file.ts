import { formatYuan } from '../../common/money/money.js';
import {
  buildXlsx,
  type SheetFormat as SpreadsheetFormat,
  spreadsheetFile,
  type SpreadsheetFile,
  writeCsv,
  type XlsxCell,
} from '../../common/spreadsheet/index.js';
import { COUNT_SHEET_HEADER } from '../domain/count-sheet.js';
import type { SheetRowRecord } from '../infrastructure/stocktake.repository.js';
import type { CardDepreciationView } from './depreciation.views.js';

export type SheetFormat = SpreadsheetFormat;
export type SheetFile = SpreadsheetFile;

/** The latest count fills 实盘数量 (0 = not found), so a sheet exported mid-way shows what is left. */
const countedCell = (r: SheetRowRecord): string => (r.found === null ? '' : r.found ? (r.foundQuantity ?? 0n).toString() : '0');

/**
 * The count sheet as a file for counting on paper: one row per card in 资产编号 order. 实盘数量
 * and 备注 are the columns to fill in; POST /stocktakes/:id/counts/import reads them back.
 */
export async function countSheetFile(
  stocktakeId: string,
  asOf: string,
  rows: readonly SheetRowRecord[],
  depreciation: (r: SheetRowRecord) => CardDepreciationView,
  format: SheetFormat,
): Promise<SheetFile> {
  const line = (r: SheetRowRecord) => [r.assetNo, r.name, r.category, r.location, r.custodian, r.unit] as const;
  // 账面原值, 累计折旧, 净值 in 元.
  const book = (r: SheetRowRecord) => {
    const figures = depreciation(r);
    return [formatYuan(r.value), figures.accumulatedDepreciation, figures.netValue] as const;
  };
  const fileName = `资产盘点表-${asOf}-${stocktakeId.slice(0, 8)}`;
  const body =
    format === 'csv'
      ? writeCsv([[...COUNT_SHEET_HEADER], ...rows.map((r) => [...line(r), r.quantity.toString(), ...book(r), countedCell(r), r.note])])
      : await buildXlsx([
          {
            name: '盘点表',
            rows: [
              [...COUNT_SHEET_HEADER],
              ...rows.map((r): XlsxCell[] => [
                ...line(r),
                { integer: r.quantity.toString() },
                ...book(r).map((yuan): XlsxCell => ({ decimal: yuan })),
                r.found === null ? null : { integer: countedCell(r) },
                r.note,
              ]),
            ],
            headerRowCount: 1,
            columnWidths: [22, 24, 18, 18, 10, 8, 10, 16, 16, 16, 10, 24],
          },
        ]);
  return spreadsheetFile(body, format, fileName);
}
