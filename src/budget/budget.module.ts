import { Module } from '@nestjs/common';
import { BudgetController } from './api/budget.controller.js';
import { ChangeBudgetHandler } from './application/change-budget.handler.js';
import { GetBudgetHandler } from './application/get-budget.handler.js';
import { BudgetProjection } from './infrastructure/budget.projection.js';
import { BudgetRepository } from './infrastructure/budget.repository.js';

@Module({
  controllers: [BudgetController],
  providers: [ChangeBudgetHandler, GetBudgetHandler, BudgetProjection, BudgetRepository],
  exports: [BudgetRepository],
})
export class BudgetModule {}
