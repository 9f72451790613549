import { Query } from '@nestjs/cqrs';
import type { BudgetView } from './budget.view.js';

export class GetBudgetQuery extends Query<BudgetView> {
  constructor(
    readonly department: string,
    readonly budgetYear: number,
  ) {
    super();
  }
}
