import type { EntityManager } from 'typeorm';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requireInScope } from '../../common/auth/department-scope.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { assetNotFound } from '../domain/asset-errors.js';
import { requireDate } from '../domain/asset-rules.js';
import type { CategoryFigures } from '../domain/category-figures.js';
import { computeHoldings, heldFigures, type HoldingsView } from '../domain/holdings.js';
import { figuresFromPayload } from '../domain/opening-holdings.js';
import { reconcile, type ReconciliationView } from '../domain/reconciliation.js';
import type { FigurePayload, StocktakeClosedData } from '../domain/stocktake.events.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { StocktakeRepository } from '../infrastructure/stocktake.repository.js';
import { GetAssetQuery, GetStocktakeQuery, HoldingsQuery, ListAssetsQuery, ReconciliationQuery, type AssetPage } from './asset.queries.js';
import { assetView, type AssetView } from './asset.view.js';
import { Clock } from './clock.js';
import { stocktakeView, type StocktakeView } from './stocktake.view.js';

@QueryHandler(GetAssetQuery)
export class GetAssetHandler implements IQueryHandler<GetAssetQuery, AssetView> {
  constructor(private readonly assets: AssetRepository) {}

  async execute({ assetId, actor }: GetAssetQuery): Promise<AssetView> {
    const row = await this.assets.get(this.assets.manager, assetId);
    if (!row) throw assetNotFound(assetId, 'id');
    requireInScope(actor, row.department, () => assetNotFound(assetId, 'id'));
    return assetView(row);
  }
}

@QueryHandler(ListAssetsQuery)
export class ListAssetsHandler implements IQueryHandler<ListAssetsQuery, AssetPage> {
  constructor(private readonly assets: AssetRepository) {}

  async execute(q: ListAssetsQuery): Promise<AssetPage> {
    const { items, total } = await this.assets.list(q.department, q.filter, q.offset, q.limit);
    return { items: items.map(assetView), total, offset: q.offset, limit: q.limit };
  }
}

@QueryHandler(HoldingsQuery)
export class HoldingsHandler implements IQueryHandler<HoldingsQuery, HoldingsView> {
  constructor(
    private readonly assets: AssetRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ department, asOf }: HoldingsQuery): Promise<HoldingsView> {
    const date = asOf === undefined ? this.clock.today() : requireDate(asOf, 'asOf');
    return this.assets.snapshot(async (m) => {
      const opening = await this.assets.openingAsOf(m, department, date);
      const { acquired, disposed } = await this.assets.movements(m, department, opening?.asOf ?? null, date);
      return computeHoldings(department, { asOf: date, opening, acquired, disposed });
    });
  }
}

@QueryHandler(ReconciliationQuery)
export class ReconciliationHandler implements IQueryHandler<ReconciliationQuery, ReconciliationView> {
  constructor(
    private readonly assets: AssetRepository,
    private readonly stocktakes: StocktakeRepository,
  ) {}

  /**
   * The year starts from the book as of the previous 31 December, unless an opening declaration
   * is dated within the year (a register started mid-year): then from that declaration. Either
   * way opening + acquisitions − disposals is the closing book as of 31 December.
   */
  execute({ department, year }: ReconciliationQuery): Promise<ReconciliationView> {
    return this.assets.snapshot((m) => this.reconcile(m, department, year));
  }

  private async reconcile(m: EntityManager, department: string, year: number): Promise<ReconciliationView> {
    const previousEnd = `${year - 1}-12-31`;
    const end = `${year}-12-31`;
    const latest = await this.assets.openingAsOf(m, department, end);
    let openingAsOf = previousEnd;
    let opening: CategoryFigures;
    if (latest && latest.asOf > previousEnd) {
      openingAsOf = latest.asOf;
      opening = latest.figures;
    } else {
      opening = heldFigures({ opening: latest, ...(await this.assets.movements(m, department, latest?.asOf ?? null, previousEnd)) });
    }
    const { acquired, disposed } = await this.assets.movements(m, department, openingAsOf, end);
    const closed = await this.stocktakes.latestClosed(m, department, year);
    const pick = (f: (row: StocktakeClosedData['categories'][number]) => FigurePayload) =>
      figuresFromPayload(closed!.categories.map((row) => ({ category: row.category, ...f(row) })));
    return reconcile(department, {
      year,
      openingAsOf,
      opening,
      acquisitions: acquired,
      disposals: disposed,
      count: closed && {
        stocktakeId: closed.stocktakeId,
        asOf: closed.asOf,
        closedOn: closed.closedOn,
        physical: pick((r) => r.physical),
        shortage: pick((r) => r.shortage),
        surplus: pick((r) => r.surplus),
      },
      ledger: await this.assets.ledgerBalances(m, department, year),
    });
  }
}

@QueryHandler(GetStocktakeQuery)
export class GetStocktakeHandler implements IQueryHandler<GetStocktakeQuery, StocktakeView> {
  constructor(
    private readonly stocktakes: StocktakeRepository,
    private readonly assets: AssetRepository,
  ) {}

  async execute({ stocktakeId, actor }: GetStocktakeQuery): Promise<StocktakeView> {
    const notFound = () => new NotFoundError('STOCKTAKE.NOT_FOUND', `Stocktake ${stocktakeId} does not exist`, 'id', { stocktakeId });
    const record = await this.stocktakes.get(this.assets.manager, stocktakeId);
    if (!record) throw notFound();
    requireInScope(actor, record.department, notFound);
    return stocktakeView(record);
  }
}
