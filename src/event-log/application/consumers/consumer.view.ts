import { encodeCursor } from '../../domain/feed-cursor.js';
import type { ConsumerCheckpoint } from '../../infrastructure/consumer-checkpoint.repository.js';

export interface ConsumerView {
  name: string;
  cursor: string;
  /** Events after the checkpoint that the caller's scope can be served now. */
  lag: number;
  updatedAt: string;
  updatedBy: string;
}

export const consumerView = (checkpoint: ConsumerCheckpoint, lag: number): ConsumerView => ({
  name: checkpoint.name,
  cursor: encodeCursor(checkpoint.cursor),
  lag,
  updatedAt: checkpoint.updatedAt.toISOString(),
  updatedBy: checkpoint.updatedBy,
});
