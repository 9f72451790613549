import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { TransactionRunner, type Tx } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { budgetEvents } from '../domain/budget.events.js';
import { EMPTY_BUDGET } from '../domain/budget.state.js';
import { decide } from '../domain/decide.js';
import { evolve } from '../domain/evolve.js';
import { budgetStreamId } from '../infrastructure/budget-stream.js';
import { BudgetRepository } from '../infrastructure/budget.repository.js';
import { budgetView, type BudgetView } from './budget.view.js';
import { ChangeBudgetCommand } from './change-budget.command.js';

@CommandHandler(ChangeBudgetCommand)
export class ChangeBudgetHandler implements ICommandHandler<ChangeBudgetCommand, BudgetView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly budgets: BudgetRepository,
  ) {}

  execute(command: ChangeBudgetCommand): Promise<BudgetView> {
    return this.runner.run(command.context, async (tx) => {
      await this.within(tx, command);
      return budgetView(
        command.department,
        command.budgetYear,
        await this.budgets.reference(tx.manager, command.department, command.budgetYear),
      );
    });
  }

  /** The command inside a caller's transaction (a disclosure import issues many in one); returns the events it wrote. */
  async within(tx: Tx, { department, budgetYear, change }: ChangeBudgetCommand): Promise<number> {
    const { events } = await this.streams.run(tx, {
      streamId: budgetStreamId(department, budgetYear),
      codec: budgetEvents,
      initial: EMPTY_BUDGET,
      evolve,
      // Unreachable for a budget (its stream is created on first write); the access guard has checked the department.
      notFound: () => new NotFoundError('BUDGET.NOT_FOUND', `No budget ${department}/${budgetYear}`),
      create: { department, budgetYear },
      decide: (state) => decide(state, change),
    });
    return events.length;
  }
}
