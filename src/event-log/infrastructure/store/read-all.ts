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
  const { after, xmin, sql, params } = await feedPageQuery(db, options, EVENT_COLUMNS);
  const rows: EventRow[] = await db.query(sql, params);
  const events = rows.map(toStoredEvent);
  const last = events[events.length - 1];
  return {
    events,
    next: nextCursor(options, after, xmin, last && { transactionId: last.transactionId, position: last.position }, events.length),
  };
}

/** A feed page as JSON text: the events, each an object of the public shape, comma-separated. */
export interface FeedPageJson {
  /** `PublicEvent` objects joined with commas, to be put between `[` and `]`. */
  eventsJson: string;
  count: number;
  next: FeedCursor;
}

/**
 * The same page as `readAll`, as JSON text in the public shape (public-event.ts: the same keys in
 * the same order, times as ISO 8601 UTC with milliseconds, the position as text). The payloads
 * travel as the database's text of their jsonb and are put into the answer as they are: a
 * catch-up reader costs the service no parsing of the stored payloads and no re-serializing of
 * them, which was most of a page's time. (json_build_object in SQL was slower still: its to_char
 * and jsonb-to-json conversions cost more than the rows' own output.)
 */
export async function readAllJson(db: EntityManager, options: ReadAllOptions): Promise<FeedPageJson> {
  const { after, xmin, sql, params } = await feedPageQuery(db, options, PUBLIC_EVENT_TEXT_COLUMNS);
  const rows: PublicEventTextRow[] = await db.query(sql, params);
  const last = rows[rows.length - 1];
  return {
    eventsJson: rows.map(publicEventJson).join(','),
    count: rows.length,
    next: nextCursor(options, after, xmin, last && { transactionId: last.transaction_id, position: last.position }, rows.length),
  };
}

// Everything as text (no parsing by the driver); times as epoch milliseconds, floored like a JS
// Date made from the microseconds, and unlike a timestamp's text independent of the session's
// DateStyle and TimeZone.
const PUBLIC_EVENT_TEXT_COLUMNS = `
  transaction_id::text AS transaction_id, global_position::text AS position, event_id::text AS event_id, type, stream_id,
  stream_version::text AS stream_version, department, budget_year::text AS budget_year, schema_version::text AS schema_version,
  floor(extract(epoch FROM occurred_at) * 1000)::text AS occurred_at, floor(extract(epoch FROM recorded_at) * 1000)::text AS recorded_at,
  data::text AS data, metadata::text AS metadata`;

interface PublicEventTextRow {
  transaction_id: string;
  position: string;
  event_id: string;
  type: string;
  stream_id: string;
  stream_version: string;
  department: string;
  budget_year: string | null;
  schema_version: string;
  occurred_at: string;
  recorded_at: string;
  data: string;
  metadata: string;
}

const text = (value: string) => JSON.stringify(value);

function publicEventJson(r: PublicEventTextRow): string {
  return (
    `{"eventId":${text(r.event_id)},"type":${text(r.type)},"streamId":${text(r.stream_id)},"streamVersion":${r.stream_version},` +
    `"position":${text(r.position)},"department":${text(r.department)},"budgetYear":${r.budget_year ?? 'null'},` +
    `"schemaVersion":${r.schema_version},"occurredAt":"${iso(r.occurred_at)}","recordedAt":"${iso(r.recorded_at)}",` +
    `"data":${r.data},"metadata":${r.metadata}}`
  );
}

const iso = (epochMs: string) => new Date(Number(epochMs)).toISOString();

async function feedPageQuery(db: EntityManager, options: ReadAllOptions, columns: string) {
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
  const sql = `SELECT ${columns} FROM events
     WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
       AND transaction_id < $3::xid8
       ${filters.join(' ')}
     ORDER BY events.transaction_id, events.global_position
     LIMIT $4`;
  return { after, xmin, sql, params };
}

function nextCursor(options: ReadAllOptions, after: FeedCursor, xmin: string, last: FeedCursor | undefined, count: number): FeedCursor {
  if (last && count === options.limit) return last;
  if (BigInt(xmin) > BigInt(after.transactionId)) return { transactionId: xmin, position: '0' };
  return after;
}
