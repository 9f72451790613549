import type { EntityManager } from 'typeorm';
import { FEED_START, type FeedCursor } from '../../domain/feed-cursor.js';

const SCOPE = (param: number) => `AND ($${param}::text[] IS NULL OR department = ANY($${param}::text[]))`;

/**
 * The cursor just past the newest event a reader of `departments` can be served now (below the
 * snapshot's xmin, as in read-all.ts); the start of the feed when there is none. Run it on the
 * page's own snapshot so that `head` and the page agree.
 */
export async function feedHead(db: EntityManager, departments: readonly string[] | undefined): Promise<FeedCursor> {
  const rows: Array<{ transaction_id: string; position: string }> = await db.query(
    `SELECT transaction_id::text AS transaction_id, global_position::text AS position FROM events
     WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ${SCOPE(1)}
     ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1`,
    [departments ?? null],
  );
  return rows.length ? { transactionId: rows[0].transaction_id, position: rows[0].position } : FEED_START;
}

/** How many servable events of `departments` lie after `cursor`: a consumer's lag. */
export async function countAfter(db: EntityManager, cursor: FeedCursor, departments: readonly string[] | undefined): Promise<number> {
  const [{ count }]: Array<{ count: string }> = await db.query(
    `SELECT count(*)::text AS count FROM events
     WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
       AND transaction_id < pg_snapshot_xmin(pg_current_snapshot()) ${SCOPE(3)}`,
    [cursor.transactionId, cursor.position, departments ?? null],
  );
  return Number(count);
}
