import { ValidationError } from '../../common/errors/domain-error.js';
import { HeaderIndex, isBlankRow, readSheet } from '../../common/spreadsheet/index.js';
import { COUNT_COLUMNS, type CountColumn, type CountSheetRow } from '../domain/count-sheet.js';

/** The rows of a filled-in count sheet (csv or xlsx): the first non-blank row is the header. */
export async function readCountSheet(content: Buffer): Promise<{ rows: CountSheetRow[]; header: (c: CountColumn) => string }> {
  let sheet;
  try {
    sheet = await readSheet(content);
  } catch {
    throw new ValidationError('IMPORT.UNREADABLE', 'The file is neither a readable CSV (UTF-8) nor an xlsx workbook', 'file');
  }
  const [headerRow, ...body] = sheet.filter((row) => !isBlankRow(row));
  if (!headerRow) throw new ValidationError('IMPORT.EMPTY', 'The file has no header row and no counts', 'file');
  const index = new HeaderIndex(headerRow);
  const column = (c: CountColumn) => COUNT_COLUMNS[c].map((name) => index.column(name)).find((i) => i !== undefined);
  const missing = (['assetNo', 'counted'] as const).filter((c) => column(c) === undefined);
  if (missing.length > 0) {
    throw new ValidationError(
      'IMPORT.COLUMNS_MISSING',
      `The header lacks ${missing.map((c) => COUNT_COLUMNS[c][0]).join(', ')} (row ${headerRow.number})`,
      'file',
      { missing: missing.map((c) => COUNT_COLUMNS[c][0]) },
    );
  }
  const at = { assetNo: column('assetNo')!, counted: column('counted')!, note: column('note') };
  const header = (c: CountColumn) => {
    const i = at[c];
    return i === undefined ? COUNT_COLUMNS[c][0] : headerRow.cells[i].trim();
  };
  return {
    header,
    rows: body.map((row) => ({
      row: row.number,
      assetNo: row.cells[at.assetNo] ?? '',
      counted: row.cells[at.counted] ?? '',
      note: at.note === undefined ? '' : (row.cells[at.note] ?? ''),
    })),
  };
}
