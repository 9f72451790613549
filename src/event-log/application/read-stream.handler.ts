import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requireInScope } from '../../common/auth/department-scope.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { StoredEvent } from '../domain/event.js';
import { EventStore } from '../infrastructure/event-store.js';
import { ReadStreamQuery } from './read-stream.query.js';

@QueryHandler(ReadStreamQuery)
export class ReadStreamHandler implements IQueryHandler<ReadStreamQuery, StoredEvent[]> {
  constructor(private readonly store: EventStore) {}

  async execute(query: ReadStreamQuery): Promise<StoredEvent[]> {
    const notFound = () => new NotFoundError('STREAM.NOT_FOUND', `No stream ${query.streamId}`, 'streamId');
    const events = await this.store.history(query.streamId);
    if (events.length === 0) throw notFound();
    // A stream is filed under one department (streams.department), so its first event says whose it is.
    requireInScope(query.actor, events[0].department, notFound);
    return events;
  }
}
