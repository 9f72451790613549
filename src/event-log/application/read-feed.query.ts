import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/context/command-context.js';
import type { FeedPageEnd } from '../infrastructure/event-store.js';

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

/** What follows a page's events, once they have all been written (see ReadFeedQuery.write). */
export type ReadFeedResult = FeedPageEnd;

export class ReadFeedQuery extends Query<ReadFeedResult> {
  constructor(
    readonly actor: Actor,
    readonly filters: FeedFilters,
    readonly limit: number,
    readonly consumer: string | undefined,
    /**
     * Takes the page's events as JSON (UTF-8 bytes), in pieces as the database produces them (the events'
     * objects comma-separated, to go between `[` and `]`): the HTTP answer streams them out.
     */
    readonly write: (json: Buffer) => void,
  ) {
    super();
  }
}
