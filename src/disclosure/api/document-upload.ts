import { ValidationError } from '../../common/errors/domain-error.js';
import { requireSafeDocument } from '../../common/spreadsheet/index.js';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** What multer hands over for a multipart file (memory storage). */
export interface UploadedDocument {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/**
 * The document as text: the multipart `file` (UTF-8, a BOM dropped) or a text/plain body. A
 * text/plain body has passed the input pipe's document rule; a file has not, so it is checked here.
 */
export function documentText(body: unknown, file: UploadedDocument | undefined): string {
  if (file) {
    const text = file.buffer.toString('utf8');
    requireSafeDocument(text);
    return text.startsWith('\ufeff') ? text.slice(1) : text;
  }
  if (typeof body === 'string' && body.trim() !== '') return body.startsWith('\ufeff') ? body.slice(1) : body;
  throw new ValidationError(
    'DISCLOSURE.NO_DOCUMENT',
    'Send the document text as text/plain; charset=utf-8, or as multipart/form-data field `file`',
    'file',
  );
}
