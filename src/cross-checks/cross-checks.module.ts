import { Module } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { ProcurementModule } from '../procurement/procurement.module.js';
import { CrossCheckController } from './api/cross-check.controller.js';
import { CrossCheckInputReader } from './application/cross-check-input.reader.js';
import { GetCrossChecksHandler } from './application/get-cross-checks.handler.js';
import { ReEvaluateCrossChecksReactor } from './application/re-evaluate-cross-checks.reactor.js';
import { CrossCheckProjection } from './infrastructure/cross-check.projection.js';
import { CrossCheckRepository } from './infrastructure/cross-check.repository.js';

/** DESIGN §4's checked rules over a department-year, re-evaluated in every relevant write. */
@Module({
  imports: [CatalogModule, BudgetModule, ProcurementModule],
  controllers: [CrossCheckController],
  providers: [CrossCheckRepository, CrossCheckInputReader, CrossCheckProjection, ReEvaluateCrossChecksReactor, GetCrossChecksHandler],
})
export class CrossChecksModule {}
