import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConcurrencyError } from '../../common/errors/domain-error.js';
import { queryRows } from '../../database/sql.js';
import type { Tx } from '../../database/transaction-runner.js';
import type { ExpectedVersion, NewEvent, StoredEvent, StreamScope } from '../domain/event.js';
import { FEED_START, type FeedCursor } from '../domain/feed-cursor.js';
import { AppendSignal } from './append-signal.js';
import { EventLogMetrics } from './event-log.metrics.js';
import { ProjectionRegistry } from './projection-registry.js';
import { ReactorRegistry } from './reactor-registry.js';

// Output names shadow columns in ORDER BY: `transaction_id` below is text, so ORDER BY must name
// `events.transaction_id` or it sorts '1000' before '999' and the feed skips events.
const EVENT_COLUMNS = `
  global_position::text AS position, transaction_id::text AS transaction_id, stream_id, stream_version,
  event_id, type, schema_version, data, metadata, department, budget_year, occurred_at, recorded_at`;

interface EventRow {
  position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: string | number;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: StoredEvent['metadata'];
  department: string;
  budget_year: number | null;
  occurred_at: Date;
  recorded_at: Date;
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    position: row.position,
    transactionId: row.transaction_id,
    department: row.department,
    budgetYear: row.budget_year,
    schemaVersion: row.schema_version,
    occurredAt: new Date(row.occurred_at),
    recordedAt: new Date(row.recorded_at),
    data: row.data,
    metadata: row.metadata,
  };
}

export interface ReadAllOptions {
  after?: FeedCursor;
  limit: number;
  type?: string;
  department?: string;
  /** Restrict to these departments (access scope); undefined means all. */
  departments?: readonly string[];
}

export interface FeedPage {
  events: StoredEvent[];
  next: FeedCursor;
}

@Injectable()
export class EventStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projections: ProjectionRegistry,
    private readonly reactors: ReactorRegistry,
    private readonly metrics: EventLogMetrics,
    private readonly signal: AppendSignal,
  ) {}

  /**
   * Appends to one stream inside the caller's transaction, runs the inline projections, then
   * the reactors (which may append in turn, in the same transaction).
   * The expectation is enforced by the database, not by an earlier read: a unique key for
   * `no_stream`, a conditional UPDATE for an exact version. A concurrent writer blocks on the
   * streams row until the first commits, then fails the condition and gets a ConcurrencyError.
   */
  async append(
    tx: Tx,
    streamId: string,
    scope: StreamScope,
    events: readonly NewEvent<object>[],
    expected: ExpectedVersion,
  ): Promise<StoredEvent[]> {
    if (events.length === 0) return [];
    const newVersion = await this.advanceStream(tx.manager, streamId, scope.department, events.length, expected);
    const firstVersion = newVersion - events.length + 1;
    const { actor, correlationId, causationId } = tx.context;
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
        (event.occurredAt ?? new Date()).toISOString(),
      );
      const b = i * 10;
      return `($${b + 1}::uuid, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}::jsonb, $${b + 7}::jsonb, $${b + 8}, $${b + 9}::int, $${b + 10}::timestamptz)`;
    });
    const rows: EventRow[] = await tx.manager.query(
      `INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, department, budget_year, occurred_at)
       VALUES ${tuples.join(', ')}
       RETURNING ${EVENT_COLUMNS}`,
      params,
    );
    const stored = rows.map(toStoredEvent).sort((a, b) => a.streamVersion - b.streamVersion);
    await this.projections.apply(tx.manager, stored);
    await this.reactors.react(tx, stored);
    tx.afterCommit(() => {
      this.metrics.appended(stored);
      this.signal.notify();
    });
    return stored;
  }

  private async advanceStream(
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
      if (rows.length === 0) throw new ConcurrencyError(streamId, 'no stream', await this.versionText(tx, streamId));
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
    if (rows.length === 0) throw new ConcurrencyError(streamId, String(expected), await this.versionText(tx, streamId));
    return Number(rows[0].version);
  }

  private async versionText(tx: EntityManager, streamId: string): Promise<string> {
    const version = await this.streamVersion(tx, streamId);
    return version === null ? 'no stream' : String(version);
  }

  /** The stream's current version, or null when it does not exist. */
  async streamVersion(tx: EntityManager, streamId: string): Promise<number | null> {
    const rows: Array<{ version: string }> = await tx.query(`SELECT version FROM streams WHERE stream_id = $1`, [
      streamId,
    ]);
    return rows.length ? Number(rows[0].version) : null;
  }

  /**
   * A stream folded into its current state, with the version to expect when appending the
   * decision taken on it (`no_stream` when it does not exist yet) and the scope it is filed
   * under (null for a new stream).
   */
  async load<S>(
    tx: EntityManager,
    streamId: string,
    initial: S,
    evolve: (state: S, event: StoredEvent) => S,
  ): Promise<{ state: S; expected: ExpectedVersion; version: number; scope: StreamScope | null }> {
    const events = await this.readStream(tx, streamId);
    const state = events.reduce(evolve, initial);
    const version = events.length === 0 ? 0 : events[events.length - 1].streamVersion;
    const scope = events.length === 0 ? null : { department: events[0].department, budgetYear: events[0].budgetYear };
    return { state, expected: version === 0 ? 'no_stream' : version, version, scope };
  }

  /** A stream in version order; up to `toVersion` when given (projections replaying history). */
  async readStream(tx: EntityManager | undefined, streamId: string, toVersion?: number): Promise<StoredEvent[]> {
    const rows: EventRow[] = await (tx ?? this.dataSource.manager).query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version <= $2 ORDER BY stream_version`,
      [streamId, toVersion ?? Number.MAX_SAFE_INTEGER],
    );
    return rows.map(toStoredEvent);
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
   */
  async readAll(options: ReadAllOptions, within?: EntityManager): Promise<FeedPage> {
    // Inside a caller's transaction (READ COMMITTED) this is still safe: a transaction that
    // commits between the two statements was running at the first, so its id is ≥ xmin.
    if (within) return this.readAllIn(within, options);
    return this.dataSource.transaction('REPEATABLE READ', (tx) => this.readAllIn(tx, options));
  }

  private async readAllIn(tx: EntityManager, options: ReadAllOptions): Promise<FeedPage> {
    const after = options.after ?? FEED_START;
    const [{ xmin }]: Array<{ xmin: string }> = await tx.query(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`,
    );
    const params: unknown[] = [after.transactionId, after.position, xmin, options.limit];
    const filters: string[] = [];
    if (options.type) {
      params.push(options.type);
      filters.push(`AND type = $${params.length}`);
    }
    if (options.department) {
      params.push(options.department);
      filters.push(`AND department = $${params.length}`);
    }
    if (options.departments) {
      params.push(options.departments);
      filters.push(`AND department = ANY($${params.length}::text[])`);
    }
    const rows: EventRow[] = await tx.query(
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

  /** Events in position order, for replays (rebuilds) inside the caller's transaction. */
  async readBatch(tx: EntityManager, afterPosition: string, limit: number): Promise<StoredEvent[]> {
    const rows: EventRow[] = await tx.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > $1::bigint ORDER BY global_position LIMIT $2`,
      [afterPosition, limit],
    );
    return rows.map(toStoredEvent);
  }

  /** The highest position handed out so far (0 for an empty log). */
  async headPosition(): Promise<string> {
    const [{ head }]: Array<{ head: string }> = await this.dataSource.query(
      `SELECT COALESCE(MAX(global_position), 0)::text AS head FROM events`,
    );
    return head;
  }
}
