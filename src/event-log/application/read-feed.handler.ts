import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor } from '../domain/feed-cursor.js';
import { EventStore, type FeedPage } from '../infrastructure/event-store.js';
import { feedScope } from './feed-scope.js';
import { ReadFeedQuery } from './read-feed.query.js';

@QueryHandler(ReadFeedQuery)
export class ReadFeedHandler implements IQueryHandler<ReadFeedQuery, FeedPage> {
  constructor(private readonly store: EventStore) {}

  execute(query: ReadFeedQuery): Promise<FeedPage> {
    return this.store.readAll({
      after: query.after === undefined ? undefined : decodeCursor(query.after),
      limit: query.limit,
      type: query.type,
      ...feedScope(query.actor, query.department),
    });
  }
}
