import { Query } from '@nestjs/cqrs';
import type { FeedPage } from '../infrastructure/event-store.js';

export class ReadFeedQuery extends Query<FeedPage> {
  constructor(
    readonly after: string | undefined,
    readonly limit: number,
    readonly type?: string,
    readonly department?: string,
  ) {
    super();
  }
}
