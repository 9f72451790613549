import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CommandContext } from '../../../common/context/command-context.js';
import { ConcurrencyError } from '../../../common/errors/domain-error.js';
import { prepared, queryRows } from '../../../database/sql.js';
import type { ExpectedVersion, NewEvent, StoredEvent, StreamScope } from '../../domain/event.js';
import { EVENT_COLUMNS_WITHOUT_DATA, type EventRow, toStoredEvent } from './event-rows.js';
import { streamVersion } from './stream-version.js';

/**
 * Appends events to one stream in the caller's transaction and returns them as stored: the
 * stream's advance and the events' insert are one statement (one round trip), whatever the
 * number of events (they travel as arrays, so the statement's text never changes).
 *
 * The expectation is enforced by the database, not by an earlier read: a unique key for
 * `no_stream`, a conditional UPDATE for an exact version. A concurrent writer blocks on the
 * streams row until the first commits, then fails the condition and gets a ConcurrencyError;
 * under READ COMMITTED the UPDATE re-checks `version = $n` against the committed row, so two
 * writers that read the same version can never both append. When the stream is not advanced,
 * the insert's SELECT has no row to join and inserts nothing.
 *
 * Feed order within a stream follows its versions: a transaction's xid is assigned at its first
 * write, which may come before it waits for this stream's row lock, so a writer holding an older
 * xid can append the stream's later version. Its events are filed under the greater of its own
 * xid and the stream's last one (`streams.last_transaction_id`). That stays gap-free: the filed
 * id is never below the writer's own, so the feed (which serves ids below every running
 * transaction's) still holds the events back until their transaction has finished.
 */
export async function appendToStream(
  tx: EntityManager,
  context: CommandContext,
  streamId: string,
  scope: StreamScope,
  events: readonly NewEvent<object>[],
  expected: ExpectedVersion,
  notifyChannel: string | null = null,
): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const append = prepareAppend(context, streamId, scope, events, expected, notifyChannel);
  return append.stored(tx, await append.send(tx));
}

/** An append encoded and ready to go: `send` runs its statement, `stored` reads its answer. */
export interface PreparedAppend {
  send(tx: EntityManager): Promise<Omit<EventRow, 'data'>[]>;
  stored(tx: EntityManager, rows: Omit<EventRow, 'data'>[]): Promise<StoredEvent[]>;
}

/** appendToStream in its steps, for a caller that encodes the next append while the database writes this one. */
export function prepareAppend(
  context: CommandContext,
  streamId: string,
  scope: StreamScope,
  events: readonly NewEvent<object>[],
  expected: ExpectedVersion,
  notifyChannel: string | null = null,
): PreparedAppend {
  const columns = eventColumns(events);
  const params: unknown[] = [
    streamId,
    scope.department,
    scope.budgetYear,
    metadataOf(context),
    events.length,
    columns.ids,
    columns.types,
    columns.schemaVersions,
    `[${columns.data.join(',')}]`,
    columns.occurredAt,
    notifyChannel,
  ];
  let append: string;
  if (expected === 'no_stream' || expected === 0) append = APPEND_TO_NEW_STREAM;
  else if (expected === 'any') append = APPEND_TO_ANY_STREAM;
  else {
    params.push(expected);
    append = APPEND_AT_VERSION;
  }
  return {
    send: (tx) => queryRows<Omit<EventRow, 'data'>>(tx, append, params),
    async stored(tx, rows) {
      if (rows.length === 0) {
        throw new ConcurrencyError(
          streamId,
          typeof expected === 'number' ? String(expected) : 'no stream',
          await versionText(tx, streamId),
        );
      }
      // The data as the database will serve it, read back from the text sent, not returned by the
      // statement: a register import's event is half a megabyte of JSON, and returning it costs the
      // database a jsonb → text conversion and the driver a second parse of what it just sent.
      const data = new Map<string, Record<string, unknown>>(columns.ids.map((id, i) => [id, JSON.parse(columns.data[i])]));
      return rows.map((row) => toStoredEvent({ ...row, data: data.get(row.event_id)! })).sort((a, b) => a.streamVersion - b.streamVersion);
    },
  };
}

/** Who, not what they may do: the department scope is a property of the credential, not of the fact. */
export function metadataOf({ actor, correlationId, causationId }: CommandContext): string {
  const who = { id: actor.id, kind: actor.kind, ...(actor.roles ? { roles: actor.roles } : {}) };
  return JSON.stringify({ actor: who, correlationId, causationId: causationId ?? null });
}

/**
 * The events as parallel arrays, the way `unnest` takes them; the data as JSON texts, sent as one
 * JSON array (see INSERT_EVENTS).
 */
export function eventColumns(events: readonly NewEvent<object>[]) {
  return {
    ids: events.map(() => randomUUID()),
    types: events.map((e) => e.type),
    schemaVersions: events.map((e) => e.schemaVersion ?? 1),
    data: events.map((e) => JSON.stringify(e.data)),
    occurredAt: events.map((e) => e.occurredAt?.toISOString() ?? null),
  };
}

// $1 stream, $2 department, $5 the number of events, $12 the expected version.
const CREATE_STREAM = `
  INSERT INTO streams (stream_id, version, department, last_transaction_id) VALUES ($1, $5, $2, pg_current_xact_id())
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING version, last_transaction_id`;

const CREATE_OR_ADVANCE_STREAM = `
  INSERT INTO streams (stream_id, version, department, last_transaction_id) VALUES ($1, $5, $2, pg_current_xact_id())
  ON CONFLICT (stream_id) DO UPDATE SET version = streams.version + EXCLUDED.version, updated_at = now(),
    last_transaction_id = greatest(streams.last_transaction_id, EXCLUDED.last_transaction_id)
  RETURNING version, last_transaction_id`;

const ADVANCE_STREAM = `
  UPDATE streams SET version = version + $5, updated_at = now(),
    last_transaction_id = greatest(last_transaction_id, pg_current_xact_id())
  WHERE stream_id = $1 AND version = $12
  RETURNING version, last_transaction_id`;

// Both times from the database clock (now() is the transaction's start), so recorded_at is never
// before occurred_at: an application clock read later, or on another host, made every event look
// recorded before it happened. global_position takes the sequence's next value; the feed orders
// by (transaction_id, global_position), see read-all.ts. With a channel ($11, PostgreSQL) the
// statement also queues the NOTIFY of notify-append.ts (delivered at COMMIT, folded per
// transaction), saving its round trip. The data travel as one JSON array ($9), not a text[]: the
// driver escapes a text array's elements character by character, which for JSON full of quotes
// cost a register import's 1,000-card events more than the database's insert.
const INSERT_EVENTS = `
  , notified AS (SELECT count(pg_notify(c.channel, '')) FROM (SELECT $11::text AS channel) c WHERE c.channel IS NOT NULL)
  INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, department, budget_year,
                      occurred_at, recorded_at, transaction_id)
  SELECT e.event_id, $1, a.version - $5 + e.n, e.type, e.schema_version, e.data, $4::jsonb, $2, $3::int,
         coalesce(e.occurred_at, now()), now(), a.last_transaction_id
  FROM advanced a, notified,
       ROWS FROM (unnest($6::uuid[]), unnest($7::text[]), unnest($8::int[]), jsonb_array_elements($9::jsonb), unnest($10::timestamptz[]))
         WITH ORDINALITY AS e(event_id, type, schema_version, data, occurred_at, n)
  ORDER BY e.n
  RETURNING ${EVENT_COLUMNS_WITHOUT_DATA}`;

const APPEND_TO_NEW_STREAM = prepared(`WITH advanced AS (${CREATE_STREAM}) ${INSERT_EVENTS}`);
const APPEND_TO_ANY_STREAM = prepared(`WITH advanced AS (${CREATE_OR_ADVANCE_STREAM}) ${INSERT_EVENTS}`);
const APPEND_AT_VERSION = prepared(`WITH advanced AS (${ADVANCE_STREAM}) ${INSERT_EVENTS}`);

async function versionText(tx: EntityManager, streamId: string): Promise<string> {
  const version = await streamVersion(tx, streamId);
  return version === null ? 'no stream' : String(version);
}
