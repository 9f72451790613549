import { formatWanYuan } from '../../common/money/money.js';
import {
  buildXlsx,
  type SheetFormat,
  spreadsheetFile,
  type SpreadsheetFile,
  writeCsv,
  type XlsxCell,
} from '../../common/spreadsheet/index.js';
import type { OfficialTable, TableCell } from '../domain/official-table.js';

export type TableFormat = SheetFormat;
export type TableFile = SpreadsheetFile;

/** An official table as a file: xlsx (merged, frozen header; amounts as 0.00 numbers) or CSV (UTF-8 with BOM). */
export async function tableFile(table: OfficialTable, format: TableFormat, fileName: string): Promise<TableFile> {
  const width = table.header[0].length;
  const titleRows = table.titles.map((title) => [title, ...Array<null>(width - 1).fill(null)]);
  const noteRows = table.notes.map((note) => [note, ...Array<null>(width - 1).fill(null)]);
  const body =
    format === 'csv'
      ? writeCsv([...titleRows, ...table.header, ...table.rows.map((row) => row.map(csvCell)), ...noteRows])
      : await buildXlsx([
          {
            name: table.sheetName,
            rows: [...titleRows, ...table.header, ...table.rows.map((row) => row.map(xlsxCell)), ...noteRows],
            headerRowCount: titleRows.length + table.header.length,
            merges: [
              ...titleRows.map((_, i) => range(i, 0, i, width - 1)),
              ...table.headerMerges.map((m) => range(titleRows.length + m.fromRow, m.fromCol, titleRows.length + m.toRow, m.toCol)),
              ...noteRows.map((_, i) => {
                const row = titleRows.length + table.header.length + table.rows.length + i;
                return range(row, 0, row, width - 1);
              }),
            ],
            columnWidths: table.columnWidths,
          },
        ]);
  return spreadsheetFile(body, format, fileName);
}

function csvCell(cell: TableCell): string | null {
  if (cell === null || typeof cell === 'string') return cell;
  if ('fen' in cell) return formatWanYuan(cell.fen);
  if ('count' in cell) return String(cell.count);
  return cell.quantity;
}

function xlsxCell(cell: TableCell): XlsxCell {
  if (cell === null || typeof cell === 'string') return cell;
  if ('fen' in cell) return { decimal: formatWanYuan(cell.fen) };
  if ('count' in cell) return { integer: String(cell.count) };
  return /^\d+$/.test(cell.quantity) ? { integer: cell.quantity } : { decimal: cell.quantity };
}

/** 0-based row/column → "A1:C2". */
function range(fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  return `${column(fromCol)}${fromRow + 1}:${column(toCol)}${toRow + 1}`;
}

function column(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
