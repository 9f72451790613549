import { Module, type OnModuleInit } from '@nestjs/common';
import { AssetsModule } from '../assets/assets.module.js';
import { BudgetModule } from '../budget/budget.module.js';
import { ProjectionRegistry } from '../event-log/index.js';
import { ProcurementModule } from '../procurement/procurement.module.js';
import { DepartmentController } from './api/department.controller.js';
import { DisclosureController } from './api/disclosure.controller.js';
import { ExportController } from './api/export.controller.js';
import { PurchaseImportController } from './api/purchase-import.controller.js';
import { ImportPurchasesHandler } from './application/import-purchases.handler.js';
import { ProcurementTemplateHandler } from './application/procurement-template.handler.js';
import { ExportBasicExpenditureHandler, ExportFixedAssetsHandler, ExportProcurementHandler } from './application/export.handlers.js';
import { ExportDepreciationHandler } from './application/export-depreciation.handler.js';
import { GetDepartmentHandler } from './application/get-department.handler.js';
import { ImportDisclosureHandler } from './application/import-disclosure.handler.js';
import { NameDepartmentHandler } from './application/name-department.handler.js';
import { RegisterSnapshotReader } from './application/register-snapshot.reader.js';
import { DepartmentProjection } from './infrastructure/department.projection.js';
import { DepartmentRepository } from './infrastructure/department.repository.js';

/** Disclosure import and export, and the department registry the documents name. */
@Module({
  imports: [BudgetModule, ProcurementModule, AssetsModule],
  controllers: [DepartmentController, DisclosureController, ExportController, PurchaseImportController],
  providers: [
    NameDepartmentHandler,
    GetDepartmentHandler,
    ImportDisclosureHandler,
    ExportProcurementHandler,
    ExportBasicExpenditureHandler,
    ExportFixedAssetsHandler,
    ExportDepreciationHandler,
    ImportPurchasesHandler,
    ProcurementTemplateHandler,
    RegisterSnapshotReader,
    DepartmentProjection,
    DepartmentRepository,
  ],
})
export class DisclosureModule implements OnModuleInit {
  constructor(
    private readonly projections: ProjectionRegistry,
    private readonly departments: DepartmentProjection,
  ) {}

  /** Everything an append of a disclosure-context event triggers: the department registry. */
  onModuleInit(): void {
    this.projections.register(this.departments);
  }
}
