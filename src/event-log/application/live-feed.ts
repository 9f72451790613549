import { type BeforeApplicationShutdown, Injectable, type MessageEvent } from '@nestjs/common';
import type { Subscriber } from 'rxjs';
import { Observable } from 'rxjs';
import { toPublicEvent } from '../domain/public-event.js';
import { encodeCursor, type FeedCursor } from '../domain/feed-cursor.js';
import { AppendSignal } from '../infrastructure/append-signal.js';
import { EventStore, type ReadAllOptions } from '../infrastructure/event-store.js';

const PAGE = 500;
/** Longest wait between two reads when no append signal arrives (appends on other instances). */
const IDLE_POLL_MS = 1_000;
/** A comment-free keep-alive for proxies, carrying the cursor to resume from. */
const HEARTBEAT_MS = 15_000;

export interface LiveFeedOptions extends Omit<ReadAllOptions, 'limit' | 'after'> {
  after: FeedCursor;
}

/**
 * The gap-free feed as a server-sent event stream. Each message's `id` is the cursor just past
 * that event, so a client reconnecting with `Last-Event-ID` resumes exactly after the last event
 * it received: nothing skipped, nothing twice. Heartbeats carry the cursor the reader has
 * reached (it can move past events of other departments or types that were filtered out).
 */
@Injectable()
export class LiveFeed implements BeforeApplicationShutdown {
  /** Open streams, ended at shutdown: an open SSE response would keep the HTTP server from closing. */
  private readonly open = new Set<Subscriber<MessageEvent>>();

  constructor(
    private readonly store: EventStore,
    private readonly signal: AppendSignal,
  ) {}

  follow(options: LiveFeedOptions): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      let closed = false;
      let pending: { cancel: () => void } | undefined;
      const run = async () => {
        let cursor = options.after;
        let lastBeat = Date.now();
        while (!closed) {
          const page = await this.store.readAll({ ...options, after: cursor, limit: PAGE });
          for (const event of page.events) {
            const at = { transactionId: event.transactionId, position: event.position };
            subscriber.next({ id: encodeCursor(at), type: 'event', data: toPublicEvent(event) });
          }
          cursor = page.next;
          if (Date.now() - lastBeat >= HEARTBEAT_MS) {
            lastBeat = Date.now();
            subscriber.next({ id: encodeCursor(cursor), type: 'heartbeat', data: { next: encodeCursor(cursor) } });
          }
          if (page.events.length === PAGE || closed) continue;
          const wait = this.signal.next(Math.min(IDLE_POLL_MS, HEARTBEAT_MS - (Date.now() - lastBeat)));
          pending = wait;
          await wait.promise;
        }
      };
      this.open.add(subscriber);
      run().catch((error: unknown) => {
        if (!closed) subscriber.error(error);
      });
      return () => {
        closed = true;
        this.open.delete(subscriber);
        pending?.cancel();
      };
    });
  }

  beforeApplicationShutdown(): void {
    for (const subscriber of [...this.open]) subscriber.complete();
  }
}
