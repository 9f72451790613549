import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BudgetRepository } from '../infrastructure/budget.repository.js';
import { budgetView, type BudgetView } from './budget.view.js';
import { GetBudgetQuery } from './get-budget.query.js';

@QueryHandler(GetBudgetQuery)
export class GetBudgetHandler implements IQueryHandler<GetBudgetQuery, BudgetView> {
  constructor(private readonly budgets: BudgetRepository) {}

  async execute(query: GetBudgetQuery): Promise<BudgetView> {
    return budgetView(query.department, query.budgetYear, await this.budgets.currentReference(query.department, query.budgetYear));
  }
}
