import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/context/command-context.js';
import type { PurchaseStatus } from '../domain/purchase.state.js';
import type { ProcurementSummary } from './procurement-summary.js';
import type { PurchaseView } from './purchase.view.js';

export class GetPurchaseQuery extends Query<PurchaseView> {
  constructor(
    readonly purchaseId: string,
    /** A purchase of a department outside the actor's scope is reported as missing. */
    readonly actor: Actor,
  ) {
    super();
  }
}

export interface PurchasePage {
  items: PurchaseView[];
  total: number;
  offset: number;
  limit: number;
}

export class ListPurchasesQuery extends Query<PurchasePage> {
  constructor(
    readonly department: string,
    readonly budgetYear: number,
    readonly filter: { projectCode?: string; catalogCode?: string; status?: PurchaseStatus },
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}

export class ProcurementSummaryQuery extends Query<ProcurementSummary> {
  constructor(
    readonly department: string,
    readonly budgetYear: number,
  ) {
    super();
  }
}
