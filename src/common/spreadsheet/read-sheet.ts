import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { SheetRow } from './sheet-rows.js';

export type SheetFormat = 'csv' | 'xlsx';

/** An xlsx file is a zip archive: it starts with the local-file-header signature "PK\x03\x04". */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function detectSheetFormat(content: Buffer): SheetFormat {
  return content.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE) ? 'xlsx' : 'csv';
}

/**
 * Reads a CSV (UTF-8, with or without BOM) or the first worksheet of an xlsx into rows of cell
 * text, keeping each row's 1-based number in the file so errors can name it. Blank rows are
 * kept (their numbers matter); callers skip them with isBlankRow.
 *
 * @throws Error when the content is not a readable CSV or xlsx
 */
export async function readSheet(content: Buffer, format: SheetFormat = detectSheetFormat(content)): Promise<SheetRow[]> {
  return format === 'xlsx' ? readXlsx(content) : readCsv(content);
}

function readCsv(content: Buffer): SheetRow[] {
  const text = (content.subarray(0, 3).equals(UTF8_BOM) ? content.subarray(3) : content).toString('utf8');
  // Without `info`: csv-parse's info object per record was an eighth of the time of reading a
  // million-row register. A record starts on the line after the previous one ends, and only a
  // quoted cell can hold a line break, so each record's lines are one plus its cells' breaks (and
  // without a quote in the file, every record is one line).
  const records: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: false });
  if (!text.includes('"')) return records.map((cells, i) => ({ number: i + 1, cells }));
  let number = 1;
  return records.map((cells) => {
    const row = { number, cells };
    number += 1 + lineBreaksIn(cells);
    return row;
  });
}

/** Line breaks inside a record's cells: CRLF, LF and a lone CR each count once. */
function lineBreaksIn(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (!cell.includes('\n') && !cell.includes('\r')) continue;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 10) breaks++;
      else if (c === 13 && cell.charCodeAt(i + 1) !== 10) breaks++;
    }
  }
  return breaks;
}

async function readXlsx(content: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings predate Buffer<ArrayBufferLike>; an ArrayBuffer view of the same bytes is what it reads.
  await workbook.xlsx.load(content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value));
    rows.push({ number, cells });
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}
