import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CommandContext } from '../../../common/context/command-context.js';
import { ConcurrencyError } from '../../../common/errors/domain-error.js';
import { queryRows } from '../../../database/sql.js';
import type { NewEvent, StoredEvent, StreamScope } from '../../domain/event.js';
import { metadataOf } from './append-to-stream.js';
import { type EventRow, toStoredEvent } from './event-rows.js';

/** The opening events of one stream that must not exist yet. */
export interface NewStream {
  readonly streamId: string;
  readonly scope: StreamScope;
  readonly events: readonly NewEvent<object>[];
}

/**
 * Opens many streams in one statement (an acceptance's thousands of cards): every streams row and
 * every event, whatever their number, so the cost is the rows', not a round trip per stream. The
 * invariants are append-to-stream.ts's for `no_stream`:
 *
 * - A stream that exists refuses the whole append (ConcurrencyError): the streams insert skips a
 *   clash (ON CONFLICT, which also waits for a rival's uncommitted row), and the events insert
 *   runs only when it created every stream, so no event lands on a stream it did not open. A
 *   visible clash creates nothing at all; a rival that commits the same id meanwhile can leave
 *   some of this statement's streams rows behind, which the error's rollback removes (the
 *   caller's transaction must not go on after it, as after any failed command).
 * - Feed order: every stream is new, so the events are filed under this transaction's own xid
 *   (what greatest(own, stream's last) is for a new stream) and the feed holds them back until
 *   it has finished.
 * - The NOTIFY of notify-append.ts is queued by the same statement.
 *
 * The rows travel as one JSON document (jsonb_to_recordset), not as text[] parameters: the
 * driver escapes every element of a text array character by character, and the events' data is
 * JSON full of quotes.
 */
export async function appendToNewStreams(
  tx: EntityManager,
  context: CommandContext,
  streams: readonly NewStream[],
  notifyChannel: string | null = null,
): Promise<StoredEvent[]> {
  const opened = streams.filter((s) => s.events.length > 0);
  if (opened.length === 0) return [];
  if (new Set(opened.map((s) => s.streamId)).size !== opened.length) throw new Error('appendToNewStreams: a stream appears twice');
  const streamRows = opened.map((s) => ({ stream_id: s.streamId, version: s.events.length, department: s.scope.department }));
  const eventRows = opened.flatMap((s) =>
    s.events.map((e, i) => ({
      stream_id: s.streamId,
      stream_version: i + 1,
      event_id: randomUUID(),
      type: e.type,
      schema_version: e.schemaVersion ?? 1,
      data: e.data,
      department: s.scope.department,
      budget_year: s.scope.budgetYear,
      occurred_at: e.occurredAt?.toISOString() ?? null,
    })),
  );
  const metadata = metadataOf(context);
  const rows = await queryRows<Pick<EventRow, 'event_id' | 'position' | 'transaction_id' | 'occurred_at' | 'recorded_at'>>(tx, APPEND, [
    JSON.stringify(streamRows),
    JSON.stringify(eventRows.map((row, n) => ({ ...row, n }))),
    metadata,
    opened.length,
    notifyChannel,
  ]);
  if (rows.length !== eventRows.length) {
    const clash = await queryRows<{ stream_id: string; version: string }>(
      tx,
      `SELECT stream_id, version::text FROM streams
       WHERE stream_id = ANY($1::text[]) AND last_transaction_id IS DISTINCT FROM pg_current_xact_id() LIMIT 1`,
      [opened.map((s) => s.streamId)],
    );
    throw new ConcurrencyError(clash[0]?.stream_id ?? opened[0].streamId, 'no stream', clash[0]?.version ?? 'exists');
  }
  // What the statement did not send back (the rest is what it was sent): the data as JSON gives
  // them, which is what the database stores and serves, without a jsonb → text → parse per row.
  const stored = new Map(rows.map((row) => [row.event_id, row]));
  const meta = JSON.parse(metadata) as EventRow['metadata'];
  return eventRows.map((row) => {
    const written = stored.get(row.event_id)!;
    return toStoredEvent({
      ...written,
      stream_id: row.stream_id,
      stream_version: row.stream_version,
      type: row.type,
      schema_version: row.schema_version,
      data: JSON.parse(JSON.stringify(row.data)) as Record<string, unknown>,
      metadata: meta,
      department: row.department,
      budget_year: row.budget_year,
    });
  });
}

// $1 the streams, $2 their events in order, $3 the metadata, $4 the number of streams, $5 the channel.
const APPEND = `
  WITH created AS (
    INSERT INTO streams (stream_id, version, department, last_transaction_id)
    SELECT s.stream_id, s.version, s.department, pg_current_xact_id()
    FROM jsonb_to_recordset($1::jsonb) AS s(stream_id text, version int, department text)
    WHERE NOT EXISTS (SELECT 1 FROM streams x, jsonb_to_recordset($1::jsonb) AS y(stream_id text) WHERE x.stream_id = y.stream_id)
    ON CONFLICT (stream_id) DO NOTHING
    RETURNING 1),
  complete AS (SELECT count(*) = $4 AS ok FROM created),
  notified AS (SELECT count(pg_notify(c.channel, '')) FROM (SELECT $5::text AS channel) c WHERE c.channel IS NOT NULL)
  INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, department, budget_year,
                      occurred_at, recorded_at, transaction_id)
  SELECT e.event_id, e.stream_id, e.stream_version, e.type, e.schema_version, e.data, $3::jsonb, e.department, e.budget_year,
         coalesce(e.occurred_at, now()), now(), pg_current_xact_id()
  FROM jsonb_to_recordset($2::jsonb) AS e(stream_id text, stream_version int, event_id uuid, type text, schema_version int, data jsonb,
         department text, budget_year int, occurred_at timestamptz, n int),
       complete, notified
  WHERE complete.ok
  ORDER BY e.n
  RETURNING event_id, global_position::text AS position, transaction_id::text AS transaction_id, occurred_at, recorded_at`;
