import { attachmentDisposition } from './content-disposition.js';
import type { SheetFormat } from './read-sheet.js';

/** A spreadsheet answered as a download: what a controller sets on the response. */
export interface SpreadsheetFile {
  readonly contentType: string;
  readonly contentDisposition: string;
  readonly body: Buffer;
}

const CONTENT_TYPES: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** `fileName` without its extension: the format gives it. */
export function spreadsheetFile(body: Buffer, format: SheetFormat, fileName: string): SpreadsheetFile {
  return { contentType: CONTENT_TYPES[format], contentDisposition: attachmentDisposition(`${fileName}.${format}`), body };
}
