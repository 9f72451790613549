import { ValidationError } from '../../common/errors/domain-error.js';

/**
 * The feed position a reader has consumed up to: every event ordered at or before
 * (transactionId, position) is behind it. Opaque to clients; its encoding may change, so
 * it carries a version tag.
 */
export interface FeedCursor {
  transactionId: string;
  position: string;
}

export const FEED_START: FeedCursor = { transactionId: '0', position: '0' };

const DIGITS = /^\d{1,20}$/;

export function encodeCursor(cursor: FeedCursor): string {
  return Buffer.from(`v1.${cursor.transactionId}.${cursor.position}`, 'utf8').toString('base64url');
}

export function decodeCursor(raw: string, field = 'after'): FeedCursor {
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(raw) ? Buffer.from(raw, 'base64url').toString('utf8') : '';
  const [version, transactionId, position] = text.split('.');
  if (version !== 'v1' || !DIGITS.test(transactionId ?? '') || !DIGITS.test(position ?? '')) {
    throw new ValidationError('FEED.INVALID_CURSOR', `${field} must be a cursor returned as "next" by this feed`, field);
  }
  return { transactionId, position };
}
