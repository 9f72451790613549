import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../common/context/command-context.js';
import type { ConsumerView } from './consumer.view.js';

export class ReadConsumerQuery extends Query<ConsumerView> {
  constructor(
    readonly name: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

export interface ConsumerList {
  items: ConsumerView[];
  total: number;
  offset: number;
  limit: number;
}

export class ListConsumersQuery extends Query<ConsumerList> {
  constructor(
    readonly actor: Actor,
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}
