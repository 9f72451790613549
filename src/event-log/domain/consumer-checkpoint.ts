import { ConflictError, ValidationError } from '../../common/errors/domain-error.js';
import { encodeCursor, type FeedCursor } from './feed-cursor.js';

/** Consumer names are part of URLs and metric labels: short, no spaces. */
export const CONSUMER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Feed order: by transaction id, then position (as read-all.ts serves it). */
export function compareCursors(a: FeedCursor, b: FeedCursor): number {
  const tx = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (tx !== 0n) return tx < 0n ? -1 : 1;
  const pos = BigInt(a.position) - BigInt(b.position);
  return pos === 0n ? 0 : pos < 0n ? -1 : 1;
}

export interface CheckpointMove {
  to: FeedCursor;
  /** The cursor the client last saw (If-Match), raw; required once the consumer exists. */
  ifMatch?: string;
  /** Allows moving backwards (replaying). */
  reset: boolean;
}

/**
 * Whether a consumer's checkpoint may move from `current` (undefined: a new consumer) as asked:
 * compare-and-set on the cursor the client saw, and never backwards unless it asks for a reset.
 */
export function checkCheckpointMove(name: string, current: FeedCursor | undefined, move: CheckpointMove): void {
  const seen = move.ifMatch?.trim().replace(/^(W\/)?"|"$/g, '');
  if (current === undefined) {
    if (seen !== undefined && seen !== '*') {
      throw new ConflictError(
        'CONSUMER.CHECKPOINT_CONFLICT',
        `Consumer ${name} has no checkpoint yet; send no If-Match to create it`,
        'If-Match',
        {
          current: null,
        },
      );
    }
    return;
  }
  const currentText = encodeCursor(current);
  if (seen === undefined || seen === '') {
    throw new ValidationError('CONSUMER.IF_MATCH_REQUIRED', `If-Match must be the current cursor of consumer ${name}`, 'If-Match');
  }
  if (seen !== currentText) {
    throw new ConflictError('CONSUMER.CHECKPOINT_CONFLICT', `Consumer ${name} is at cursor ${currentText}, not ${seen}`, 'If-Match', {
      current: currentText,
    });
  }
  if (!move.reset && compareCursors(move.to, current) < 0) {
    throw new ConflictError(
      'CONSUMER.CHECKPOINT_BACKWARDS',
      `A checkpoint does not move backwards (consumer ${name} is at ${currentText}); use ?reset=true to replay`,
      'cursor',
      { current: currentText },
    );
  }
}
