import { ValidationError } from '../../common/errors/domain-error.js';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** What multer hands over for a multipart file (memory storage). */
export interface UploadedDocument {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** The document as text: the multipart `file` (UTF-8, a BOM dropped) or a text/plain body. */
export function documentText(body: unknown, file: UploadedDocument | undefined): string {
  if (file) {
    const text = file.buffer.toString('utf8');
    return text.startsWith('\ufeff') ? text.slice(1) : text;
  }
  if (typeof body === 'string' && body.trim() !== '') return body.startsWith('\ufeff') ? body.slice(1) : body;
  throw new ValidationError(
    'DISCLOSURE.NO_DOCUMENT',
    'Send the document text as text/plain; charset=utf-8, or as multipart/form-data field `file`',
    'file',
  );
}
