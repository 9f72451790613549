import { Module, type OnModuleInit } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { BudgetModule } from '../budget/budget.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { ProjectionRegistry } from '../event-log/index.js';
import { PurchaseController } from './api/purchase.controller.js';
import { ChangePurchaseHandler } from './application/change-purchase.handler.js';
import { PlanPurchaseHandler } from './application/plan-purchase.handler.js';
import { PurchaseFacts } from './application/purchase-facts.js';
import { GetPurchaseHandler, ListPurchasesHandler, ProcurementSummaryHandler } from './application/purchase-queries.handlers.js';
import { PurchaseProjection } from './infrastructure/purchase.projection.js';
import { PurchaseRepository } from './infrastructure/purchase.repository.js';

/** AssetsModule provides PurchaseAssets (the port procurement owns); assets never imports this module. */
@Module({
  imports: [CatalogModule, BudgetModule, AssetsModule],
  controllers: [PurchaseController],
  providers: [
    PurchaseFacts,
    PlanPurchaseHandler,
    ChangePurchaseHandler,
    GetPurchaseHandler,
    ListPurchasesHandler,
    ProcurementSummaryHandler,
    PurchaseProjection,
    PurchaseRepository,
  ],
  exports: [PurchaseRepository, PlanPurchaseHandler, ChangePurchaseHandler],
})
export class ProcurementModule implements OnModuleInit {
  constructor(
    private readonly projections: ProjectionRegistry,
    private readonly purchases: PurchaseProjection,
  ) {}

  /**
   * Everything an append of a purchase event triggers: here, the purchases read model. The asset
   * register (AssetsModule) registers its own: the asset projection (acceptances) and the
   * acceptance-cards reactor (cards for each accepted capitalizable unit, in the same transaction).
   */
  onModuleInit(): void {
    this.projections.register(this.purchases);
  }
}
