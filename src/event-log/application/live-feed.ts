import { type BeforeApplicationShutdown, Injectable, Logger, type MessageEvent } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { Observable, type Subscriber } from 'rxjs';
import { compareCursors } from '../domain/consumer-checkpoint.js';
import type { StoredEvent } from '../domain/event.js';
import { encodeCursor, type FeedCursor } from '../domain/feed-cursor.js';
import { toPublicEvent } from '../domain/public-event.js';
import { AppendSignal } from '../infrastructure/append-signal.js';
import { EventStore, type ReadAllOptions } from '../infrastructure/event-store.js';
import { matchesFeed } from './feed-match.js';

const PAGE = 500;
/** Longest wait between two reads when no wake-up arrives. */
const IDLE_POLL_MS = 1_000;
/** A keep-alive for proxies, carrying the cursor to resume from. */
const HEARTBEAT_MS = 15_000;
/** Retry after a database error: doubles from the first to the last. */
const RETRY_MS = [100, 5_000] as const;
/**
 * Characters of events a subscriber may leave unread before it is dropped: Nest queues each SSE
 * response's writes behind the client's reading and hangs up past this bound (with a warning in
 * the log), which ends this subscription and no other; the client resumes by Last-Event-ID.
 */
export const SSE_MAX_PENDING = 4 * 1024 * 1024;

export interface LiveFeedOptions extends Omit<ReadAllOptions, 'limit' | 'after'> {
  after: FeedCursor;
}

interface Follower {
  options: LiveFeedOptions;
  out: Subscriber<MessageEvent>;
  /** Everything up to here was served (or filtered out) for this subscriber. */
  cursor: FeedCursor;
  joined: boolean;
  lastBeat: number;
}

/**
 * The gap-free feed as server-sent events, with one tail per process: one read of the log per
 * wake-up (an append here, a NOTIFY from another instance on PostgreSQL, or the idle poll) fans
 * out to every subscriber whose filters and scope match. A subscriber that starts behind the
 * tail first catches up with reads of its own, then joins; each keeps its cursor, so a message's
 * `id` is the cursor just past that event and `Last-Event-ID` resumes without gap or repeat.
 */
@Injectable()
export class LiveFeed implements BeforeApplicationShutdown {
  private readonly logger = new Logger(LiveFeed.name);
  private readonly followers = new Set<Follower>();
  /** Where the shared tail has read up to; undefined while nobody follows. */
  private tail?: FeedCursor;
  private loop?: Promise<void>;
  private wait?: { cancel: () => void };
  private beats?: NodeJS.Timeout;
  private stopped = false;
  private readonly reads: Counter;
  private readonly readErrors: Counter;
  private readCount = 0;
  private errorCount = 0;

  constructor(
    private readonly store: EventStore,
    private readonly signal: AppendSignal,
    registry: Registry,
  ) {
    this.reads = new Counter({ name: 'live_tail_reads_total', help: 'Reads of the log by the shared live tail', registers: [registry] });
    this.readErrors = new Counter({
      name: 'live_tail_read_errors_total',
      help: 'Reads of the log by the shared live tail that failed (retried with backoff, streams kept open)',
      registers: [registry],
    });
    const followers = this.followers;
    new Gauge({
      name: 'sse_subscribers',
      help: 'Open server-sent event streams of this process',
      registers: [registry],
      collect() {
        this.set(followers.size);
      },
    });
  }

  /** Reads of the log the shared tail has made (catch-up reads of new subscribers not included). */
  get tailReads(): number {
    return this.readCount;
  }

  /** Reads of the shared tail that failed and were retried. */
  get tailReadErrors(): number {
    return this.errorCount;
  }

  /** Open streams, and how many of them the shared tail serves (the others are still catching up). */
  get subscribers(): { open: number; joined: number } {
    return { open: this.followers.size, joined: [...this.followers].filter((f) => f.joined).length };
  }

  follow(options: LiveFeedOptions): Observable<MessageEvent> {
    return new Observable<MessageEvent>((out) => {
      const follower: Follower = { options, out, cursor: options.after, joined: false, lastBeat: Date.now() };
      this.followers.add(follower);
      this.ensureRunning();
      this.catchUp(follower).catch((error: unknown) => this.logger.error(`live tail catch-up failed: ${(error as Error).message}`));
      return () => this.followers.delete(follower);
    });
  }

  beforeApplicationShutdown(): void {
    this.stopped = true;
    this.wait?.cancel();
    clearInterval(this.beats);
    for (const follower of [...this.followers]) follower.out.complete();
  }

  /** Reads this subscriber's own backlog up to the shared tail, then hands it to the tail. */
  private async catchUp(follower: Follower): Promise<void> {
    let failures = 0;
    while (this.followers.has(follower)) {
      if (this.tail === undefined || compareCursors(follower.cursor, this.tail) >= 0) {
        this.tail ??= follower.cursor;
        follower.joined = true;
        return;
      }
      try {
        const page = await this.store.readAll({ ...follower.options, after: follower.cursor, limit: PAGE });
        failures = 0;
        for (const event of page.events) this.send(follower, event);
        follower.cursor = page.next;
      } catch (error) {
        await this.pause(retryDelay(failures++), `catch-up read failed: ${(error as Error).message}`);
      }
    }
  }

  private ensureRunning(): void {
    if (this.loop || this.stopped) return;
    this.beats = setInterval(() => this.heartbeat(), 1_000);
    this.beats.unref();
    this.loop = this.run().finally(() => {
      this.loop = undefined;
      clearInterval(this.beats);
      // Someone subscribed while the loop was winding down.
      if (this.followers.size > 0) this.ensureRunning();
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped && this.followers.size > 0) {
      let full = false;
      if (this.tail !== undefined) {
        try {
          const from = this.tail;
          this.reads.inc();
          this.readCount++;
          const page = await this.store.readAll({ after: from, limit: PAGE });
          if (failures > 0) this.logger.log('live tail reads the log again');
          failures = 0;
          this.fanOut(page.events, page.next);
          full = page.events.length === PAGE;
        } catch (error) {
          // The subscribers' streams stay open (heartbeats go on); the tail resumes where it was.
          if (failures === 0) this.logger.error(`live tail read failed, retrying: ${(error as Error).message}`);
          this.readErrors.inc();
          this.errorCount++;
          await this.pause(retryDelay(failures++));
          continue;
        }
      }
      if (full) continue;
      const wait = this.signal.next(IDLE_POLL_MS);
      this.wait = wait;
      await wait.promise;
    }
    if (this.followers.size === 0) this.tail = undefined;
  }

  private fanOut(events: readonly StoredEvent[], next: FeedCursor): void {
    // Each event is serialised once however many subscribers get it: with hundreds of streams the
    // per-subscriber JSON.stringify was most of the tail's work.
    const messages: Array<MessageEvent | undefined> = [];
    for (const follower of this.followers) {
      if (!follower.joined) continue;
      events.forEach((event, i) => {
        if (!matchesFeed(follower.options, event)) return;
        // A follower that caught up past the tail's start has had these already.
        if (compareCursors(cursorOf(event), follower.cursor) <= 0) return;
        this.send(follower, event, (messages[i] ??= toMessage(event)));
      });
      if (compareCursors(next, follower.cursor) > 0) follower.cursor = next;
    }
    this.tail = next;
  }

  private send(follower: Follower, event: StoredEvent, message = toMessage(event)): void {
    follower.out.next(message);
    follower.cursor = cursorOf(event);
  }

  private heartbeat(): void {
    const now = Date.now();
    for (const follower of this.followers) {
      if (now - follower.lastBeat < HEARTBEAT_MS) continue;
      follower.lastBeat = now;
      const next = encodeCursor(follower.cursor);
      follower.out.next({ id: next, type: 'heartbeat', data: { next } });
    }
  }

  /** Backoff after an error: appends do not shorten it, shutdown does. */
  private async pause(ms: number, log?: string): Promise<void> {
    if (log) this.logger.warn(log);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wait = {
        cancel: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
  }
}

/** The SSE message of one event; `data` is the EventView already as JSON (Nest writes a string as is). */
const toMessage = (event: StoredEvent): MessageEvent => ({
  id: encodeCursor(cursorOf(event)),
  type: 'event',
  data: JSON.stringify(toPublicEvent(event)),
});

const cursorOf = (event: StoredEvent): FeedCursor => ({ transactionId: event.transactionId, position: event.position });

const retryDelay = (failures: number) => Math.min(RETRY_MS[0] * 2 ** failures, RETRY_MS[1]);
