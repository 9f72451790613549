import { Query } from '@nestjs/cqrs';
import type { StoredEvent } from '../domain/event.js';

export class ReadStreamQuery extends Query<StoredEvent[]> {
  constructor(readonly streamId: string) {
    super();
  }
}
