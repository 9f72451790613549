import type { Request } from 'express';
import { ValidationError } from '../../common/errors/domain-error.js';

/** A register export may be large: a province's runs to hundreds of thousands of cards. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/**
 * The request body as bytes (the file itself: text/csv, an xlsx, or application/octet-stream).
 * The app parses only JSON bodies, so the stream is still unread here; it is read with a cap
 * rather than buffered by a global parser for every route.
 */
export async function uploadedFile(req: Request, limit = MAX_UPLOAD_BYTES): Promise<Buffer> {
  if (Buffer.isBuffer(req.body)) return req.body;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.destroy();
      throw new ValidationError('IMPORT.TOO_LARGE', `The file is larger than ${limit / 1024 / 1024} MB`, 'file');
    }
    chunks.push(chunk);
  }
  if (size === 0) throw new ValidationError('IMPORT.EMPTY', 'Send the file as the request body (text/csv or xlsx)', 'file');
  return Buffer.concat(chunks);
}
