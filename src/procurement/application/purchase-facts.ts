import { Injectable } from '@nestjs/common';
import { BudgetRepository } from '../../budget/index.js';
import { Catalog, Classifier } from '../../catalog/index.js';
import type { Tx } from '../../database/transaction-runner.js';
import type { StreamScope } from '../../event-log/index.js';
import type { CatalogEntryFacts, ProjectFacts, PurchaseCommand, PurchaseDecisionContext, PurchaseState } from '../domain/index.js';

/**
 * The facts a purchase decision needs from other contexts (catalog entry, project), looked up in
 * the command's transaction for the codes the command results in.
 */
@Injectable()
export class PurchaseFacts {
  constructor(
    private readonly budgets: BudgetRepository,
    private readonly catalog: Catalog,
    private readonly classifier: Classifier,
  ) {}

  async for(tx: Tx, scope: StreamScope, state: PurchaseState, command: PurchaseCommand): Promise<PurchaseDecisionContext> {
    if (command.type !== 'PlanPurchase' && command.type !== 'AmendPurchase') return {};
    const current = state.status === 'empty' ? undefined : state.plan;
    const catalogCode =
      command.type === 'PlanPurchase' ? command.data.catalogCode : (command.data.changes.catalogCode ?? current?.catalogCode);
    const projectCode =
      command.type === 'PlanPurchase' ? command.data.projectCode : (command.data.changes.projectCode ?? current?.projectCode);
    return {
      catalogEntry: catalogCode === undefined ? null : this.catalogFacts(catalogCode),
      project: projectCode === undefined ? null : await this.projectFacts(tx, scope, projectCode),
    };
  }

  private catalogFacts(code: string): CatalogEntryFacts | null {
    const entry = this.catalog.find(code);
    if (!entry) return null;
    return {
      code: entry.code,
      name: entry.name,
      type: entry.type,
      defaultEconomicLine: this.classifier.economicLineOf(code)?.code ?? null,
    };
  }

  private async projectFacts(tx: Tx, scope: StreamScope, projectCode: string): Promise<ProjectFacts | null> {
    const project = await this.budgets.project(tx.manager, scope.department, scope.budgetYear!, projectCode);
    return project && { code: project.projectCode, budget: project.budget };
  }
}
