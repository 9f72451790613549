import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import type { BudgetCommand } from '../domain/budget.commands.js';
import type { BudgetView } from './budget.view.js';

/** Any change to one department-year's budget reference; answers with the reference after it. */
export class ChangeBudgetCommand extends Command<BudgetView> {
  constructor(
    readonly department: string,
    readonly budgetYear: number,
    readonly change: BudgetCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}
