import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { statementSent } from '../../database/sql.js';
import type { Tx } from '../../database/transaction-runner.js';
import type { ExpectedVersion, NewEvent, StoredEvent, StreamScope } from '../domain/event.js';
import type { FeedCursor } from '../domain/feed-cursor.js';
import { AppendSignal } from './append-signal.js';
import { EventLogMetrics } from './event-log.metrics.js';
import { ProjectionRegistry } from './projection-registry.js';
import { ReactorRegistry } from './reactor-registry.js';
import { appendToNewStreams, type NewStream } from './store/append-to-new-streams.js';
import { AppendedStreams } from './store/appended-streams.js';
import { appendToStream, prepareAppend } from './store/append-to-stream.js';
import { countAfter, feedHead } from './store/feed-position.js';
import { headPosition } from './store/head-position.js';
import { appendChannel } from './store/notify-append.js';
import { type FeedPage, readAll, type ReadAllOptions, streamAllJson } from './store/read-all.js';
import { readBatch } from './store/read-batch.js';
import { readStream } from './store/read-stream.js';
import { streamVersion } from './store/stream-version.js';

export type { FeedPage, ReadAllOptions } from './store/read-all.js';

/** What follows a feed page's events: how many, the cursor to go on from, the reader's head and lag. */
export interface FeedPageEnd {
  count: number;
  next: FeedCursor;
  head: FeedCursor;
  lag?: number;
}
export type { NewStream } from './store/append-to-new-streams.js';

/**
 * The log's operations, one file each under store/ with its SQL and its races. This class only
 * adds what an append triggers: the inline projections and reactors registered by the context
 * modules (see each `*.module.ts`), then, after COMMIT, metrics and the live-tail wake-up.
 */
@Injectable()
export class EventStore {
  private readonly streams = new AppendedStreams();

  constructor(
    private readonly dataSource: DataSource,
    private readonly projections: ProjectionRegistry,
    private readonly reactors: ReactorRegistry,
    private readonly metrics: EventLogMetrics,
    private readonly signal: AppendSignal,
    private readonly config: AppConfig,
  ) {}

  /**
   * Appends to one stream inside the caller's transaction, runs the inline projections, then
   * the reactors (which may append in turn, in the same transaction).
   */
  async append(
    tx: Tx,
    streamId: string,
    scope: StreamScope,
    events: readonly NewEvent<object>[],
    expected: ExpectedVersion,
  ): Promise<StoredEvent[]> {
    // Other instances on the same PostgreSQL learn of the commit by NOTIFY (append-listener.ts),
    // queued by the append's own statement.
    const stored = await appendToStream(tx.manager, tx.context, streamId, scope, events, expected, this.channel());
    this.streams.appended(tx.manager, streamId, stored);
    return this.appended(tx, stored);
  }

  /**
   * A new stream's events, each its own statement (a register import's thousand events of 1,000
   * cards: no message of half a gigabyte), then what an append triggers, once for all of them:
   * the projections see one run, which they can write in one pass (a register import's day
   * totals once, not once per event). `onEach` hears of each event as it is written.
   */
  async appendInParts(
    tx: Tx,
    streamId: string,
    scope: StreamScope,
    events: readonly NewEvent<object>[],
    onEach?: (written: number) => void,
  ): Promise<StoredEvent[]> {
    if (events.length === 0) return [];
    // The first refuses a stream that exists; the rest follow at the version the first left.
    const part = (i: number) => prepareAppend(tx.context, streamId, scope, [events[i]], i === 0 ? 'no_stream' : i, this.channel());
    const toast = await largeValues(tx.manager);
    const stored: StoredEvent[] = [];
    let current = part(0);
    let running = current.send(tx.manager);
    // Node encodes part i + 1 and reads part i back while the database writes part i + 1 and i:
    // taking turns, each waited for the other, 7 of a million-card import's 29 s of appends.
    for (let i = 0; i < events.length; i++) {
      await statementSent();
      const following = i + 1 < events.length ? part(i + 1) : null;
      const rows = await running;
      if (following) {
        running = following.send(tx.manager);
        // Awaited next round; caught here too so that a throw below leaves no rejection unheard.
        running.catch(() => undefined);
        await statementSent();
      }
      stored.push(...(await current.stored(tx.manager, rows)));
      onEach?.(i + 1);
      if (following) current = following;
    }
    await toast.restore();
    return this.appended(tx, stored);
  }

  /**
   * Opens many new streams in one statement (store/append-to-new-streams.ts), each refusing a
   * clash as `no_stream` does, then what an append triggers, once for all of them: the
   * projections (in runs, see ProjectionRegistry.apply), the reactors, the after-commit signal.
   */
  async appendToNewStreams(tx: Tx, streams: readonly NewStream[]): Promise<StoredEvent[]> {
    const stored = await appendToNewStreams(tx.manager, tx.context, streams, this.channel());
    return this.appended(tx, stored);
  }

  private channel(): string | null {
    return this.config.databaseKind === 'postgres' ? appendChannel(this.config) : null;
  }

  private async appended(tx: Tx, stored: StoredEvent[]): Promise<StoredEvent[]> {
    if (stored.length === 0) return stored;
    await this.projections.apply(tx.manager, stored);
    await this.reactors.react(tx, stored);
    tx.afterCommit(() => {
      this.metrics.appended(stored);
      this.signal.notify();
    });
    return stored;
  }

  /**
   * A stream in version order, in the caller's transaction; up to `toVersion` when given. A stream
   * this transaction has appended to comes from memory (store/appended-streams.ts).
   */
  async readStream(tx: EntityManager, streamId: string, toVersion?: number): Promise<StoredEvent[]> {
    const known = this.streams.history(tx, streamId, toVersion);
    if (known) return known;
    const history = await readStream(tx, streamId, toVersion);
    if (toVersion === undefined) this.streams.wasRead(tx, streamId, history);
    return history;
  }

  /** A stream's history for a query (no command, no transaction of its own). */
  history(streamId: string): Promise<StoredEvent[]> {
    return readStream(this.dataSource.manager, streamId);
  }

  /** The gap-free feed (store/read-all.ts), on one REPEATABLE READ snapshot unless `within` a caller's transaction. */
  readAll(options: ReadAllOptions, within?: EntityManager): Promise<FeedPage> {
    if (within) return readAll(within, options);
    return this.dataSource.transaction('REPEATABLE READ', (tx) => readAll(tx, options));
  }

  /**
   * A feed page, its events' JSON text handed to `write` as the rows arrive (store/read-all.ts,
   * streamAllJson), then the reader's `head` and, given a checkpoint, the events after it (`lag`),
   * all on one snapshot; `head` and `lag` count only the reader's departments, not the page's filters.
   */
  streamFeedJson(options: ReadAllOptions, checkpoint: FeedCursor | undefined, write: (json: Buffer) => void): Promise<FeedPageEnd> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const page = await streamAllJson(tx, options, write);
      const head = await feedHead(tx, options.departments);
      const lag = checkpoint ? await countAfter(tx, checkpoint, options.departments) : undefined;
      return { ...page, head, lag };
    });
  }

  /** The reader's head and the events after `cursor`, for a consumer's view and its gauge. */
  positionOf(cursor: FeedCursor, departments: readonly string[] | undefined): Promise<{ head: FeedCursor; lag: number }> {
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => ({
      head: await feedHead(tx, departments),
      lag: await countAfter(tx, cursor, departments),
    }));
  }

  /** Events in position order inside the caller's transaction (rebuilds). */
  readBatch(tx: EntityManager, afterPosition: string, limit: number): Promise<StoredEvent[]> {
    return readBatch(tx, afterPosition, limit);
  }

  /** The stream's current version, or null when it does not exist. */
  streamVersion(db: EntityManager, streamId: string): Promise<number | null> {
    return streamVersion(db, streamId);
  }

  headPosition(): Promise<string> {
    return headPosition(this.dataSource.manager);
  }
}

/**
 * lz4 for the values this transaction TOASTs until `restore`, where the server has it (PGlite
 * has only pglz): a 1,000-card event of 585 KB took 12.4 ms to store with pglz and 8.7 ms with lz4,
 * and reads back faster for its projection. A setting of this transaction only, as SET LOCAL.
 */
async function largeValues(tx: EntityManager): Promise<{ restore(): Promise<void> }> {
  const rows: Array<{ was: string }> = await tx.query(
    `SELECT current_setting('default_toast_compression') AS was, set_config('default_toast_compression', 'lz4', true)
     FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)`,
  );
  const was = rows[0]?.was;
  return {
    restore: async () => {
      if (was !== undefined) await tx.query(`SELECT set_config('default_toast_compression', $1, true)`, [was]);
    },
  };
}
