import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { departmentFilter } from '../../../common/auth/department-scope.js';
import { ConsumerCheckpointRepository } from '../../infrastructure/consumer-checkpoint.repository.js';
import { EventStore } from '../../infrastructure/event-store.js';
import { requireVisible } from './consumer-access.js';
import { type ConsumerList, ListConsumersQuery, ReadConsumerQuery } from './consumer-queries.js';
import { type ConsumerView, consumerView } from './consumer.view.js';

@QueryHandler(ReadConsumerQuery)
export class ReadConsumerHandler implements IQueryHandler<ReadConsumerQuery, ConsumerView> {
  constructor(
    private readonly checkpoints: ConsumerCheckpointRepository,
    private readonly store: EventStore,
  ) {}

  async execute({ name, actor }: ReadConsumerQuery): Promise<ConsumerView> {
    const checkpoint = requireVisible(actor, name, await this.checkpoints.find(name));
    const { lag } = await this.store.positionOf(checkpoint.cursor, departmentFilter(actor.departments));
    return consumerView(checkpoint, lag);
  }
}

@QueryHandler(ListConsumersQuery)
export class ListConsumersHandler implements IQueryHandler<ListConsumersQuery, ConsumerList> {
  constructor(
    private readonly checkpoints: ConsumerCheckpointRepository,
    private readonly store: EventStore,
  ) {}

  async execute({ actor, offset, limit }: ListConsumersQuery): Promise<ConsumerList> {
    const scope = departmentFilter(actor.departments);
    const page = await this.checkpoints.list(scope, offset, limit);
    const items: ConsumerView[] = [];
    for (const checkpoint of page.items) items.push(consumerView(checkpoint, (await this.store.positionOf(checkpoint.cursor, scope)).lag));
    return { items, total: page.total, offset, limit };
  }
}
