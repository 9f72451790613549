import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/context/command-context.js';
import type { FeedCursor } from '../domain/feed-cursor.js';
import type { FeedPageJson } from '../infrastructure/event-store.js';

/** What a reader asks of the log (the same on the feed and the live tail). */
export interface FeedFilters {
  after?: string;
  type?: string;
  /** Comma-separated. */
  types?: string;
  streamPrefix?: string;
  budgetYear?: number;
  department?: string;
}

/** A feed page with its events as JSON text (see readAllJson): the HTTP answer is assembled, not re-serialized. */
export interface ReadFeedResult extends FeedPageJson {
  head: FeedCursor;
  lag?: number;
}

export class ReadFeedQuery extends Query<ReadFeedResult> {
  constructor(
    readonly actor: Actor,
    readonly filters: FeedFilters,
    readonly limit: number,
    readonly consumer?: string,
  ) {
    super();
  }
}
