import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CommandContext } from '../../../common/context/command-context.js';
import { ConcurrencyError } from '../../../common/errors/domain-error.js';
import { queryRows } from '../../../database/sql.js';
import type { ExpectedVersion, NewEvent, StoredEvent, StreamScope } from '../../domain/event.js';
import { EVENT_COLUMNS, type EventRow, toStoredEvent } from './event-rows.js';
import { streamVersion } from './stream-version.js';

/**
 * Appends events to one stream in the caller's transaction and returns them as stored.
 *
 * The expectation is enforced by the database, not by an earlier read: a unique key for
 * `no_stream`, a conditional UPDATE for an exact version. A concurrent writer blocks on the
 * streams row until the first commits, then fails the condition and gets a ConcurrencyError;
 * under READ COMMITTED the UPDATE re-checks `version = $2` against the committed row, so two
 * writers that read the same version can never both append.
 */
export async function appendToStream(
  tx: EntityManager,
  context: CommandContext,
  streamId: string,
  scope: StreamScope,
  events: readonly NewEvent<object>[],
  expected: ExpectedVersion,
): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const newVersion = await advanceStream(tx, streamId, scope.department, events.length, expected);
  const firstVersion = newVersion - events.length + 1;
  const { actor, correlationId, causationId } = context;
  // Who, not what they may do: the department scope is a property of the credential, not of the fact.
  const who = { id: actor.id, kind: actor.kind, ...(actor.roles ? { roles: actor.roles } : {}) };
  const metadata = JSON.stringify({ actor: who, correlationId, causationId: causationId ?? null });

  const params: unknown[] = [];
  const tuples = events.map((event, i) => {
    params.push(
      randomUUID(),
      streamId,
      firstVersion + i,
      event.type,
      event.schemaVersion ?? 1,
      JSON.stringify(event.data),
      metadata,
      scope.department,
      scope.budgetYear,
      event.occurredAt?.toISOString() ?? null,
    );
    const b = i * 10;
    return `($${b + 1}::uuid, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}::jsonb, $${b + 7}::jsonb, $${b + 8}, $${b + 9}::int, coalesce($${b + 10}::timestamptz, now()), now())`;
  });
  // Both times from the database clock of this statement (now() is the transaction's start), so
  // recorded_at is never before occurred_at: an application clock read later, or on another
  // host, made every event look recorded before it happened.
  // transaction_id and global_position take their defaults (pg_current_xact_id(), the sequence):
  // the feed orders by them, see read-all.ts.
  const rows: EventRow[] = await tx.query(
    `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, department, budget_year, occurred_at, recorded_at)
     VALUES ${tuples.join(', ')}
     RETURNING ${EVENT_COLUMNS}`,
    params,
  );
  return rows.map(toStoredEvent).sort((a, b) => a.streamVersion - b.streamVersion);
}

/** Moves the stream's version by `count` if the expectation holds; returns the new version. */
async function advanceStream(
  tx: EntityManager,
  streamId: string,
  department: string,
  count: number,
  expected: ExpectedVersion,
): Promise<number> {
  if (expected === 'no_stream' || expected === 0) {
    const rows: Array<{ version: string }> = await tx.query(
      `INSERT INTO streams (stream_id, version, department) VALUES ($1, $2, $3)
       ON CONFLICT (stream_id) DO NOTHING RETURNING version`,
      [streamId, count, department],
    );
    if (rows.length === 0) throw new ConcurrencyError(streamId, 'no stream', await versionText(tx, streamId));
    return count;
  }
  if (expected === 'any') {
    const rows: Array<{ version: string }> = await tx.query(
      `INSERT INTO streams (stream_id, version, department) VALUES ($1, $2, $3)
       ON CONFLICT (stream_id) DO UPDATE SET version = streams.version + EXCLUDED.version, updated_at = now()
       RETURNING version`,
      [streamId, count, department],
    );
    return Number(rows[0].version);
  }
  const rows = await queryRows<{ version: string }>(
    tx,
    `UPDATE streams SET version = version + $3, updated_at = now()
     WHERE stream_id = $1 AND version = $2 RETURNING version`,
    [streamId, expected, count],
  );
  if (rows.length === 0) throw new ConcurrencyError(streamId, String(expected), await versionText(tx, streamId));
  return Number(rows[0].version);
}

async function versionText(tx: EntityManager, streamId: string): Promise<string> {
  const version = await streamVersion(tx, streamId);
  return version === null ? 'no stream' : String(version);
}
