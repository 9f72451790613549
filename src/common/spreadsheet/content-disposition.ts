import { create } from 'content-disposition';

/**
 * `Content-Disposition: attachment` for a file name that may be Chinese: an ASCII fallback
 * `filename="..."` for old clients and the RFC 5987 `filename*=UTF-8''...` that browsers use.
 */
export function attachmentDisposition(fileName: string): string {
  return create(fileName, { type: 'attachment' });
}
