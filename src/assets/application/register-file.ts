import { HeaderIndex, isBlankRow, readSheet, requireSafeCells } from '../../common/spreadsheet/index.js';
import { ValidationError } from '../../common/errors/domain-error.js';
import { REGISTER_COLUMNS, type RegisterColumn, type RegisterRow, REQUIRED_COLUMNS } from '../domain/register-import.js';

/** The rows of a register export by field, and each field's header as the file wrote it. */
export type RegisterFile = { rows: RegisterRow[]; header: (field: RegisterColumn) => string };

/**
 * Reads a csv or xlsx register export: the first non-blank row is the header, columns are found
 * by their Chinese header or an English alias, other columns are ignored.
 */
export async function readRegisterFile(content: Buffer): Promise<RegisterFile> {
  let sheet;
  try {
    sheet = await readSheet(content);
  } catch {
    throw new ValidationError('IMPORT.UNREADABLE', 'The file is neither a readable CSV (UTF-8) nor an xlsx workbook', 'file');
  }
  requireSafeCells(sheet);
  const rows = sheet.filter((row) => !isBlankRow(row));
  const [headerRow, ...body] = rows;
  if (!headerRow) throw new ValidationError('IMPORT.EMPTY', 'The file has no header row and no cards', 'file');
  const index = new HeaderIndex(headerRow);
  const columns = new Map<RegisterColumn, number>();
  for (const [field, names] of Object.entries(REGISTER_COLUMNS) as Array<[RegisterColumn, readonly string[]]>) {
    const column = names.map((name) => index.column(name)).find((c) => c !== undefined);
    if (column !== undefined) columns.set(field, column);
  }
  const missing = REQUIRED_COLUMNS.filter((field) => !columns.has(field));
  if (missing.length > 0) {
    throw new ValidationError(
      'IMPORT.COLUMNS_MISSING',
      `The header lacks ${missing.map((f) => REGISTER_COLUMNS[f][0]).join(', ')} (row ${headerRow.number})`,
      'file',
      { missing: missing.map((f) => REGISTER_COLUMNS[f][0]) },
    );
  }
  if (body.length === 0) throw new ValidationError('IMPORT.EMPTY', 'The file has a header but no cards', 'file');
  const header = (field: RegisterColumn) => {
    const column = columns.get(field);
    return column === undefined ? REGISTER_COLUMNS[field][0] : headerRow.cells[column].trim();
  };
  return {
    header,
    rows: body.map((row) => {
      const cells: RegisterRow['cells'] = {};
      for (const [field, column] of columns) cells[field] = row.cells[column] ?? '';
      return { row: row.number, cells };
    }),
  };
}
