import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/context/command-context.js';
import type { FeedPage } from '../infrastructure/event-store.js';

export class ReadFeedQuery extends Query<FeedPage> {
  constructor(
    readonly actor: Actor,
    readonly after: string | undefined,
    readonly limit: number,
    readonly type?: string,
    readonly department?: string,
  ) {
    super();
  }
}
