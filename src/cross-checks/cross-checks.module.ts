import { Module, type OnModuleInit } from '@nestjs/common';
import { BudgetModule } from '../budget/budget.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { ProjectionRegistry, ReactorRegistry } from '../event-log/index.js';
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
export class CrossChecksModule implements OnModuleInit {
  constructor(
    private readonly projections: ProjectionRegistry,
    private readonly reactors: ReactorRegistry,
    private readonly findings: CrossCheckProjection,
    private readonly reEvaluate: ReEvaluateCrossChecksReactor,
  ) {}

  /**
   * What cross-checks add to an append: the reactor re-evaluates the department-year after any
   * budget or planning event (RELEVANT_EVENT_TYPES) and appends CrossCheckChanged, whose
   * projection keeps cross_check_findings.
   */
  onModuleInit(): void {
    this.projections.register(this.findings);
    this.reactors.register(this.reEvaluate);
  }
}
