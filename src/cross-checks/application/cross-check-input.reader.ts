import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BudgetRepository } from '../../budget/index.js';
import { Catalog, CapitalizationThresholds, Classifier } from '../../catalog/index.js';
import { readFunding } from '../../common/funding/funding.js';
import { type LivePurchase, PurchaseRepository } from '../../procurement/index.js';
import type { CheckedPurchase, CrossCheckInput } from '../domain/cross-check.input.js';

/**
 * Builds the rules' input from the read models, inside the caller's transaction (the reactor's,
 * so the projections of the triggering append are already visible; or the query's snapshot).
 */
@Injectable()
export class CrossCheckInputReader {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly purchases: PurchaseRepository,
    private readonly catalog: Catalog,
    private readonly classifier: Classifier,
    private readonly thresholds: CapitalizationThresholds,
  ) {}

  async read(tx: EntityManager, department: string, budgetYear: number): Promise<CrossCheckInput> {
    const reference = await this.budgets.reference(tx, department, budgetYear);
    const purchases = await this.purchases.live(tx, department, budgetYear);
    return {
      lines: reference.lines.map((l) => ({ economicCode: l.economicCode, name: l.name, amount: l.amount })),
      projects: reference.projects,
      plannedAssetPurchases: reference.plannedAssetPurchases,
      income: reference.income,
      purchases: purchases.map((p) => this.checked(p)),
      lineNames: this.classifier.tables.lineNames,
    };
  }

  /**
   * Capitalization is judged now, at the planned unit price, with the configured thresholds:
   * the purchase events record the line but not whether the item is a fixed asset.
   */
  private checked(p: LivePurchase): CheckedPurchase {
    const entry = this.catalog.find(p.catalogCode);
    return {
      purchaseId: p.purchaseId,
      projectCode: p.projectCode,
      catalogCode: p.catalogCode,
      procurementType: p.procurementType,
      economicCode: p.economicCode,
      capitalizable: entry !== undefined && this.classifier.capitalizationOf(entry, p.unitPrice, this.thresholds).capitalizable,
      unitPrice: p.unitPrice,
      amount: p.amount,
      funding: readFunding(p.funding),
    };
  }
}
