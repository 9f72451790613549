import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { departmentFilter } from '../../../common/auth/department-scope.js';
import type { CommandContext } from '../../../common/context/command-context.js';
import { ConflictError } from '../../../common/errors/domain-error.js';
import { TransactionRunner } from '../../../database/transaction-runner.js';
import { checkCheckpointMove } from '../../domain/consumer-checkpoint.js';
import { decodeCursor } from '../../domain/feed-cursor.js';
import { ConsumerCheckpointRepository } from '../../infrastructure/consumer-checkpoint.repository.js';
import { EventStore } from '../../infrastructure/event-store.js';
import { requireVisible } from './consumer-access.js';
import { type ConsumerView, consumerView } from './consumer.view.js';

export class SetCheckpointCommand extends Command<ConsumerView> {
  constructor(
    readonly name: string,
    readonly cursor: string,
    readonly ifMatch: string | undefined,
    readonly reset: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Creates a consumer at a cursor, or moves its checkpoint by compare-and-set (the row is locked). */
@CommandHandler(SetCheckpointCommand)
export class SetCheckpointHandler implements ICommandHandler<SetCheckpointCommand, ConsumerView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly checkpoints: ConsumerCheckpointRepository,
    private readonly store: EventStore,
  ) {}

  async execute({ name, cursor, ifMatch, reset, context }: SetCheckpointCommand): Promise<ConsumerView> {
    const to = decodeCursor(cursor, 'cursor');
    const { actor } = context;
    await this.runner.run(context, async (tx) => {
      const current = await this.checkpoints.lock(tx.manager, name);
      if (current) requireVisible(actor, name, current);
      checkCheckpointMove(name, current?.cursor, { to, ifMatch, reset });
      if (current) return this.checkpoints.move(tx.manager, name, to, actor.id);
      // Two first writers: the loser is told, like a stale If-Match.
      if (!(await this.checkpoints.create(tx.manager, name, actor.departments, to, actor.id))) {
        throw new ConflictError('CONSUMER.CHECKPOINT_CONFLICT', `Consumer ${name} was just created by another request`, 'If-Match');
      }
    });
    const saved = requireVisible(actor, name, await this.checkpoints.find(name));
    const { lag } = await this.store.positionOf(saved.cursor, departmentFilter(actor.departments));
    return consumerView(saved, lag);
  }
}
