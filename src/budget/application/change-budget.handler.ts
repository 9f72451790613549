import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '../../database/transaction-runner.js';
import type { StoredEvent } from '../../event-log/domain/event.js';
import { EventStore } from '../../event-log/infrastructure/event-store.js';
import type { BudgetEvent } from '../domain/budget.events.js';
import { EMPTY_BUDGET } from '../domain/budget.state.js';
import { decide } from '../domain/decide.js';
import { evolve } from '../domain/evolve.js';
import { budgetStreamId } from '../infrastructure/budget-stream.js';
import { BudgetView } from '../api/dto/budget.view.js';
import { BudgetRepository } from '../infrastructure/budget.repository.js';
import { ChangeBudgetCommand } from './change-budget.command.js';

@CommandHandler(ChangeBudgetCommand)
export class ChangeBudgetHandler implements ICommandHandler<ChangeBudgetCommand, BudgetView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly store: EventStore,
    private readonly budgets: BudgetRepository,
  ) {}

  execute({ department, budgetYear, change, context }: ChangeBudgetCommand): Promise<BudgetView> {
    return this.runner.run(context, async (tx) => {
      const streamId = budgetStreamId(department, budgetYear);
      const { state, expected } = await this.store.load(tx.manager, streamId, EMPTY_BUDGET, (s, e: StoredEvent) =>
        evolve(s, e as unknown as BudgetEvent),
      );
      const events = decide(state, change);
      await this.store.append(tx, streamId, { department, budgetYear }, events, expected);
      return BudgetView.of(department, budgetYear, await this.budgets.reference(department, budgetYear, tx.manager));
    });
  }
}
