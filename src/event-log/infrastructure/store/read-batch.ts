import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../../domain/event.js';
import { EVENT_COLUMNS, type EventRow, toStoredEvent } from './event-rows.js';

/**
 * Events in position order, for replays (rebuilds) inside the caller's transaction. Position
 * order is not commit order, which is why a projection may depend only on the event and on rows
 * it wrote itself (projection-registry.ts); a rebuild runs in one transaction that no append
 * interleaves with, so nothing commits behind its back.
 */
export async function readBatch(db: EntityManager, afterPosition: string, limit: number): Promise<StoredEvent[]> {
  const rows: EventRow[] = await db.query(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > $1::bigint ORDER BY global_position LIMIT $2`,
    [afterPosition, limit],
  );
  return rows.map(toStoredEvent);
}
