import { Module, type OnModuleInit } from '@nestjs/common';
import { ProjectionRegistry } from '../event-log/index.js';
import { BudgetController } from './api/budget.controller.js';
import { ChangeBudgetHandler } from './application/change-budget.handler.js';
import { GetBudgetHandler } from './application/get-budget.handler.js';
import { BudgetProjection } from './infrastructure/budget.projection.js';
import { BudgetRepository } from './infrastructure/budget.repository.js';

@Module({
  controllers: [BudgetController],
  providers: [ChangeBudgetHandler, GetBudgetHandler, BudgetProjection, BudgetRepository],
  exports: [BudgetRepository, ChangeBudgetHandler],
})
export class BudgetModule implements OnModuleInit {
  constructor(
    private readonly projections: ProjectionRegistry,
    private readonly budget: BudgetProjection,
  ) {}

  /** Everything an append of a budget event triggers: the budget read model. No reactors. */
  onModuleInit(): void {
    this.projections.register(this.budget);
  }
}
