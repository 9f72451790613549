import { Injectable } from '@nestjs/common';
import { BudgetRepository } from '../../budget/index.js';
import { Catalog, Classifier } from '../../catalog/index.js';
import type { Tx } from '../../database/transaction-runner.js';
import type { StreamScope } from '../../event-log/index.js';
import type { PurchaseDecisionContext } from '../domain/purchase.commands.js';

/**
 * The facts a plan or an amendment is decided on, looked up in the command's transaction (the
 * project as this transaction sees it). `null`: looked up and not found; no code, no lookup.
 */
@Injectable()
export class PurchaseFacts {
  constructor(
    private readonly catalog: Catalog,
    private readonly classifier: Classifier,
    private readonly budgets: BudgetRepository,
  ) {}

  async lookup(tx: Tx, scope: StreamScope, codes: { catalogCode?: string; projectCode?: string }): Promise<PurchaseDecisionContext> {
    const { catalogCode, projectCode } = codes;
    // A purchase stream is always filed under its budget year; a null one is a corrupt stream.
    if (scope.budgetYear === null) throw new Error(`Purchase stream of ${scope.department} has no budget year`);
    const entry = catalogCode === undefined ? null : (this.catalog.find(catalogCode) ?? null);
    const project =
      projectCode === undefined ? null : await this.budgets.project(tx.manager, scope.department, scope.budgetYear, projectCode);
    return {
      catalogEntry: entry && {
        code: entry.code,
        name: entry.name,
        type: entry.type,
        defaultEconomicLine: this.classifier.economicLineOf(catalogCode!)?.code ?? null,
      },
      project: project && { code: project.projectCode, budget: project.budget },
    };
  }
}
