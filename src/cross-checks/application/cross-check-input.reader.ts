import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type BudgetReference, budgetReferenceFrom, BudgetRepository } from '../../budget/index.js';
import { Classifier } from '../../catalog/index.js';
import {
  type PurchaseCheckGroup,
  purchaseCheckGroupsFrom,
  PurchaseRepository,
  type SuspectUnitPriceGroup,
} from '../../procurement/index.js';
import type { Finding } from '../domain/finding.js';
import { CrossCheckRepository } from '../infrastructure/cross-check.repository.js';
import type { CrossCheckInput } from '../domain/cross-check.input.js';

/**
 * Builds the rules' input from the read models, inside the caller's transaction (the reactor's,
 * so the projections of the triggering append are already visible; or the query's snapshot):
 * the budget's facts and the purchases' sums, two statements whatever the number of purchases (one,
 * with the current findings, for the evaluation under the lock).
 * `listPurchases` (queries only) adds each group's purchase ids, so GET …/cross-checks can name
 * the purchases behind a finding; events never carry them.
 */
@Injectable()
export class CrossCheckInputReader {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly purchases: PurchaseRepository,
    private readonly classifier: Classifier,
    private readonly crossChecks: CrossCheckRepository,
  ) {}

  async read(tx: EntityManager, department: string, budgetYear: number, listPurchases = false): Promise<CrossCheckInput> {
    const reference = await this.budgets.reference(tx, department, budgetYear);
    return this.input(reference, await this.purchases.checkGroups(tx, department, budgetYear, listPurchases));
  }

  /** For the evaluation under the department-year's lock: the current findings and the rules' input, one statement. */
  async readForEvaluation(
    tx: EntityManager,
    department: string,
    budgetYear: number,
  ): Promise<{ previous: Finding[]; input: CrossCheckInput }> {
    const facts = await this.crossChecks.evaluationFacts(tx, department, budgetYear);
    return {
      previous: facts.findings,
      input: this.input(budgetReferenceFrom(facts.reference), purchaseCheckGroupsFrom(facts.groups, false)),
    };
  }

  private input(
    reference: BudgetReference,
    { groups, suspects }: { groups: PurchaseCheckGroup[]; suspects: SuspectUnitPriceGroup[] },
  ): CrossCheckInput {
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
