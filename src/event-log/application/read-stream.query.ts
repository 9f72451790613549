import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/context/command-context.js';
import type { StoredEvent } from '../domain/event.js';

export class ReadStreamQuery extends Query<StoredEvent[]> {
  constructor(
    readonly streamId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
