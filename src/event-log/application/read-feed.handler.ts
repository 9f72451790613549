import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, type FeedCursor } from '../domain/feed-cursor.js';
import { ConsumerCheckpointRepository } from '../infrastructure/consumer-checkpoint.repository.js';
import { EventStore } from '../infrastructure/event-store.js';
import { requireVisible } from './consumers/consumer-access.js';
import { feedOptions } from './feed-scope.js';
import { ReadFeedQuery, type ReadFeedResult } from './read-feed.query.js';

@QueryHandler(ReadFeedQuery)
export class ReadFeedHandler implements IQueryHandler<ReadFeedQuery, ReadFeedResult> {
  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: ConsumerCheckpointRepository,
  ) {}

  async execute({ actor, filters, limit, consumer, write }: ReadFeedQuery): Promise<ReadFeedResult> {
    const options = feedOptions(actor, filters);
    let checkpoint: FeedCursor | undefined;
    if (consumer !== undefined) checkpoint = requireVisible(actor, consumer, await this.checkpoints.find(consumer)).cursor;
    // A consumer without `after` resumes just past its checkpoint.
    const after = filters.after !== undefined ? decodeCursor(filters.after) : checkpoint;
    return this.store.streamFeedJson({ ...options, after, limit }, checkpoint, write);
  }
}
