import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { requireInScope } from '../../common/auth/department-scope.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { BudgetRepository } from '../../budget/index.js';
import { PurchaseAssets } from './purchase-assets.port.js';
import { PurchaseRepository } from '../infrastructure/purchase.repository.js';
import { type ProcurementSummary, summarizeProcurement } from './procurement-summary.js';
import { GetPurchaseQuery, ListPurchasesQuery, type PurchasePage, ProcurementSummaryQuery } from './purchase.queries.js';
import { purchaseViews, type PurchaseView } from './purchase.view.js';

@QueryHandler(GetPurchaseQuery)
export class GetPurchaseHandler implements IQueryHandler<GetPurchaseQuery, PurchaseView> {
  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly assets: PurchaseAssets,
    private readonly dataSource: DataSource,
  ) {}

  async execute({ purchaseId, actor }: GetPurchaseQuery): Promise<PurchaseView> {
    const notFound = () => new NotFoundError('PURCHASE.NOT_FOUND', `No purchase ${purchaseId}`, 'id');
    const record = await this.purchases.currentById(purchaseId);
    if (!record) throw notFound();
    requireInScope(actor, record.department, notFound);
    const [view] = await purchaseViews(this.dataSource.manager, this.assets, [record]);
    return view;
  }
}

@QueryHandler(ListPurchasesQuery)
export class ListPurchasesHandler implements IQueryHandler<ListPurchasesQuery, PurchasePage> {
  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly assets: PurchaseAssets,
    private readonly dataSource: DataSource,
  ) {}

  async execute(q: ListPurchasesQuery): Promise<PurchasePage> {
    const { items, total } = await this.purchases.currentPage(q.department, q.budgetYear, q.filter, q.offset, q.limit);
    return { items: await purchaseViews(this.dataSource.manager, this.assets, items), total, offset: q.offset, limit: q.limit };
  }
}

@QueryHandler(ProcurementSummaryQuery)
export class ProcurementSummaryHandler implements IQueryHandler<ProcurementSummaryQuery, ProcurementSummary> {
  constructor(
    private readonly purchases: PurchaseRepository,
    private readonly budgets: BudgetRepository,
  ) {}

  async execute({ department, budgetYear }: ProcurementSummaryQuery): Promise<ProcurementSummary> {
    const [amounts, reference] = await Promise.all([
      this.purchases.currentLiveAmounts(department, budgetYear),
      this.budgets.currentReference(department, budgetYear),
    ]);
    const names = new Map(reference.projects.map((p) => [p.projectCode, p.name]));
    return summarizeProcurement(department, budgetYear, amounts, names);
  }
}
