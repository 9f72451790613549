import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../../domain/event.js';
import { FEED_START, type FeedCursor } from '../../domain/feed-cursor.js';
import { EVENT_COLUMNS, type EventRow, toStoredEvent } from './event-rows.js';

export interface ReadAllOptions {
  after?: FeedCursor;
  limit: number;
  /** Only events of these types (any of them). */
  types?: readonly string[];
  /** Only events of streams whose id starts with this, e.g. `purchase-`. */
  streamPrefix?: string;
  budgetYear?: number;
  department?: string;
  /** Restrict to these departments (access scope); undefined means all. */
  departments?: readonly string[];
}

export interface FeedPage {
  events: StoredEvent[];
  next: FeedCursor;
}

/**
 * The whole log in a stable order, never skipping an event that commits late.
 *
 * Positions come from a sequence at insert time, so a transaction holding position 10 can
 * commit after one holding 11; a reader that had moved past 11 would never see 10. Instead
 * we serve only transactions older than the snapshot's xmin — every transaction below it
 * has finished, so that part of the log can no longer change — ordered by (transaction id,
 * position). The cursor is the last (transaction id, position) served; when a page is not
 * full, everything below xmin has been served and the cursor moves up to xmin itself.
 *
 * `db` should hold a REPEATABLE READ snapshot (see EventStore.readAll). Under READ COMMITTED
 * this is still safe: a transaction that commits between the two statements was running at the
 * first, so its id is ≥ xmin and the second statement leaves it out.
 */
export async function readAll(db: EntityManager, options: ReadAllOptions): Promise<FeedPage> {
  const after = options.after ?? FEED_START;
  const [{ xmin }]: Array<{ xmin: string }> = await db.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`);
  const params: unknown[] = [after.transactionId, after.position, xmin, options.limit];
  const filters: string[] = [];
  if (options.types?.length) {
    params.push(options.types);
    filters.push(`AND type = ANY($${params.length}::text[])`);
  }
  if (options.streamPrefix) {
    params.push(options.streamPrefix);
    filters.push(`AND starts_with(stream_id, $${params.length})`);
  }
  if (options.budgetYear !== undefined) {
    params.push(options.budgetYear);
    filters.push(`AND budget_year = $${params.length}::int`);
  }
  if (options.department) {
    params.push(options.department);
    filters.push(`AND department = $${params.length}`);
  }
  if (options.departments) {
    params.push(options.departments);
    filters.push(`AND department = ANY($${params.length}::text[])`);
  }
  const rows: EventRow[] = await db.query(
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
       AND transaction_id < $3::xid8
       ${filters.join(' ')}
     ORDER BY events.transaction_id, events.global_position
     LIMIT $4`,
    params,
  );
  const events = rows.map(toStoredEvent);
  const last = events[events.length - 1];
  let next: FeedCursor;
  if (events.length === options.limit) next = { transactionId: last.transactionId, position: last.position };
  else if (BigInt(xmin) > BigInt(after.transactionId)) next = { transactionId: xmin, position: '0' };
  else next = after;
  return { events, next };
}
