import { stringify } from 'csv-stringify/sync';

/** Excel reads a CSV as the local ANSI code page unless it starts with the UTF-8 BOM. */
const UTF8_BOM = '\ufeff';

export type CsvCell = string | number | null;

/** Writes rows as RFC 4180 CSV (CRLF line ends) in UTF-8 with BOM, so Excel shows Chinese correctly. */
export function writeCsv(rows: readonly (readonly CsvCell[])[]): Buffer {
  const body = stringify(
    rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))),
    { record_delimiter: 'windows' },
  );
  return Buffer.from(UTF8_BOM + body, 'utf8');
}
