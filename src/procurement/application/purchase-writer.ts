import { Injectable } from '@nestjs/common';
import { requireInScope } from '../../common/auth/department-scope.js';
import type { CommandContext } from '../../common/context/command-context.js';
import { ConcurrencyError, NotFoundError } from '../../common/errors/domain-error.js';
import { TransactionRunner, type Tx } from '../../database/transaction-runner.js';
import { BudgetRepository } from '../../budget/infrastructure/budget.repository.js';
import { Catalog } from '../../catalog/domain/catalog.js';
import { Classifier } from '../../catalog/domain/classification.js';
import type { StoredEvent } from '../../event-log/domain/event.js';
import { EventStore } from '../../event-log/infrastructure/event-store.js';
import {
  type CatalogEntryFacts,
  decide,
  evolve,
  initialPurchaseState,
  type ProjectFacts,
  type PurchaseCommand,
  type PurchaseDecisionContext,
  type PurchaseEvent,
  type PurchaseState,
  summarizePurchase,
  PURCHASE_EVENT_SCHEMA_VERSION,
} from '../domain/index.js';
import { purchaseStreamId } from '../infrastructure/purchase-stream.js';
import { PurchaseAssets } from './purchase-assets.port.js';
import { planFacts, purchaseView, type PurchaseView } from './purchase.view.js';

export interface PurchaseScope {
  department: string;
  budgetYear: number;
}

/**
 * The one write path of a purchase: load its stream, look up the facts the decision needs
 * (catalog entry, project) inside the same transaction, decide, append with the version it
 * was decided on, answer with the new state.
 */
@Injectable()
export class PurchaseWriter {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly store: EventStore,
    private readonly budgets: BudgetRepository,
    private readonly catalog: Catalog,
    private readonly classifier: Classifier,
    private readonly assets: PurchaseAssets,
  ) {}

  /**
   * @param scope known for a new purchase; read from the stream for an existing one
   * @param ifMatch the version the client last saw (If-Match); a stale one is a 409
   */
  write(
    purchaseId: string,
    command: PurchaseCommand,
    context: CommandContext,
    scope?: PurchaseScope,
    ifMatch?: number,
  ): Promise<PurchaseView> {
    return this.runner.run(context, async (tx) => {
      const streamId = purchaseStreamId(purchaseId);
      const loaded = await this.store.load(tx.manager, streamId, initialPurchaseState(), (s: PurchaseState, e: StoredEvent) =>
        evolve(s, e as unknown as PurchaseEvent),
      );
      const { state, version, expected } = loaded;
      const notFound = () => new NotFoundError('PURCHASE.NOT_FOUND', `No purchase ${purchaseId}`, 'id');
      const stored = loaded.scope ?? scope;
      if (!stored) throw notFound();
      // Before any other check: a purchase of another department answers exactly like a missing one.
      requireInScope(context.actor, stored.department, notFound);
      if (ifMatch !== undefined && ifMatch !== version) {
        throw new ConcurrencyError(streamId, String(ifMatch), String(version));
      }
      const where = { department: stored.department, budgetYear: stored.budgetYear! };
      const events = decide(state, command, await this.facts(tx, where, state, command));
      const appended = await this.store.append(
        tx,
        streamId,
        where,
        events.map((e) => ({ ...e, schemaVersion: PURCHASE_EVENT_SCHEMA_VERSION })),
        expected,
      );
      const summary = summarizePurchase(events.reduce(evolve, state))!;
      // Read in this transaction: an acceptance's answer already shows the cards its reaction registered.
      const cards = await this.assets.summaries(tx.manager, [planFacts(purchaseId, summary)]);
      return purchaseView(purchaseId, version + appended.length, where.department, where.budgetYear, summary, cards.get(purchaseId)!);
    });
  }

  private async facts(
    tx: Tx,
    scope: PurchaseScope,
    state: PurchaseState,
    command: PurchaseCommand,
  ): Promise<PurchaseDecisionContext> {
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

  private async projectFacts(tx: Tx, scope: PurchaseScope, projectCode: string): Promise<ProjectFacts | null> {
    const project = await this.budgets.project(tx.manager, scope.department, scope.budgetYear, projectCode);
    return project && { code: project.projectCode, budget: project.budget };
  }
}
