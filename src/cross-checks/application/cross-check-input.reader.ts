import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BudgetRepository } from '../../budget/index.js';
import { Classifier } from '../../catalog/index.js';
import { PurchaseRepository } from '../../procurement/index.js';
import type { CrossCheckInput } from '../domain/cross-check.input.js';

/**
 * Builds the rules' input from the read models, inside the caller's transaction (the reactor's,
 * so the projections of the triggering append are already visible; or the query's snapshot):
 * the budget's facts and the purchases' sums, two statements whatever the number of purchases.
 * `listPurchases` (queries only) adds each group's purchase ids, so GET …/cross-checks can name
 * the purchases behind a finding; events never carry them.
 */
@Injectable()
export class CrossCheckInputReader {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly purchases: PurchaseRepository,
    private readonly classifier: Classifier,
  ) {}

  async read(tx: EntityManager, department: string, budgetYear: number, listPurchases = false): Promise<CrossCheckInput> {
    const reference = await this.budgets.reference(tx, department, budgetYear);
    const { groups, suspects } = await this.purchases.checkGroups(tx, department, budgetYear, listPurchases);
    return {
      lines: reference.lines.map((l) => ({ economicCode: l.economicCode, name: l.name, amount: l.amount })),
      projects: reference.projects,
      plannedAssetPurchases: reference.plannedAssetPurchases,
      income: reference.income,
      purchases: groups,
      suspectUnitPrices: suspects,
      lineNames: this.classifier.tables.lineNames,
    };
  }
}
