import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssetRepository } from '../../assets/index.js';
import { BudgetRepository } from '../../budget/index.js';
import { yuanToFen } from '../../common/money/money.js';
import { storedSplit } from './funding-split.js';
import { PurchaseRepository } from '../../procurement/index.js';
import type { DisclosureDocument } from '../domain/disclosure-document.js';
import type { RegisterSnapshot } from '../domain/import-plan.js';
import { DepartmentRepository } from '../infrastructure/department.repository.js';

/** The register as the document's department-year stands, read in the import's transaction. */
@Injectable()
export class RegisterSnapshotReader {
  constructor(
    private readonly departments: DepartmentRepository,
    private readonly budgets: BudgetRepository,
    private readonly purchases: PurchaseRepository,
    private readonly assets: AssetRepository,
  ) {}

  async read(tx: EntityManager, document: DisclosureDocument): Promise<RegisterSnapshot> {
    const { department, budgetYear } = document.header!;
    const reference = await this.budgets.reference(tx, department, budgetYear);
    const plans = await this.purchases.livePlans(tx, department, budgetYear);
    const asOf = document.holdings?.asOf ?? null;
    const opening = asOf === null ? null : await this.assets.openingAsOf(tx, department, asOf);
    return {
      departmentName: await this.departments.name(tx, department),
      projects: reference.projects,
      lines: reference.lines.map((l) => ({ ...l, funding: l.funding && storedSplit(l.funding) })),
      plannedAssetPurchases: reference.plannedAssetPurchases,
      income: reference.income,
      purchases: plans.map(({ purchaseId, plan }) => ({
        purchaseId,
        projectCode: plan.projectCode,
        itemName: plan.itemName,
        catalogCode: plan.catalogCode,
        unit: plan.unit,
        quantity: plan.quantity,
        unitPrice: yuanToFen(plan.unitPrice),
        amount: yuanToFen(plan.amount),
        funding: storedSplit(plan.funding),
        smeReserved: yuanToFen(plan.smeReserved),
      })),
      holdings: opening && opening.asOf === asOf ? opening.figures : null,
    };
  }
}
