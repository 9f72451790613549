import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BudgetView } from '../api/dto/budget.view.js';
import { BudgetRepository } from '../infrastructure/budget.repository.js';
import { GetBudgetQuery } from './get-budget.query.js';

@QueryHandler(GetBudgetQuery)
export class GetBudgetHandler implements IQueryHandler<GetBudgetQuery, BudgetView> {
  constructor(private readonly budgets: BudgetRepository) {}

  async execute(query: GetBudgetQuery): Promise<BudgetView> {
    return BudgetView.of(query.department, query.budgetYear, await this.budgets.reference(query.department, query.budgetYear));
  }
}
