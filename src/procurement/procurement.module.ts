import { Module } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { BudgetModule } from '../budget/budget.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { PurchaseController } from './api/purchase.controller.js';
import { ChangePurchaseHandler } from './application/change-purchase.handler.js';
import { PlanPurchaseHandler } from './application/plan-purchase.handler.js';
import { GetPurchaseHandler, ListPurchasesHandler, ProcurementSummaryHandler } from './application/purchase-queries.handlers.js';
import { PurchaseWriter } from './application/purchase-writer.js';
import { PurchaseProjection } from './infrastructure/purchase.projection.js';
import { PurchaseRepository } from './infrastructure/purchase.repository.js';

@Module({
  imports: [CatalogModule, BudgetModule, AssetsModule],
  controllers: [PurchaseController],
  providers: [
    PurchaseWriter,
    PlanPurchaseHandler,
    ChangePurchaseHandler,
    GetPurchaseHandler,
    ListPurchasesHandler,
    ProcurementSummaryHandler,
    PurchaseProjection,
    PurchaseRepository,
  ],
  exports: [PurchaseRepository],
})
export class ProcurementModule {}
