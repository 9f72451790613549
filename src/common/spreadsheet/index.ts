export { attachmentDisposition } from './content-disposition.js';
export { writeCsv, type CsvCell } from './csv-writer.js';
export { HeaderIndex, normalizeHeader } from './header-index.js';
export { detectSheetFormat, readSheet, type SheetFormat } from './read-sheet.js';
export { requireSafeCells, requireSafeDocument } from './safe-text.js';
export { cellAt, isBlankRow, type SheetRow } from './sheet-rows.js';
export { spreadsheetFile, type SpreadsheetFile } from './spreadsheet-file.js';
export {
  buildXlsx,
  DECIMAL_FORMAT,
  type DecimalCell,
  type DecimalValidation,
  type IntegerCell,
  type ListValidation,
  type XlsxCell,
  type XlsxSheet,
} from './xlsx-builder.js';
