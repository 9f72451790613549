import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import type { CategoryFigures } from '../domain/category-figures.js';
import { heldFigures } from '../domain/holdings.js';
import { figuresFromPayload } from '../domain/opening-holdings.js';
import { yuanToFen } from '../../common/money/money.js';
import { reconcile, type ReconciliationView } from '../domain/reconciliation.js';
import type { FigurePayload, StocktakeClosedData } from '../domain/stocktake.events.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { StocktakeRepository } from '../infrastructure/stocktake.repository.js';
import { ReconciliationQuery, type ReconciliationWithNetValue } from './asset.queries.js';
import { DepreciationReader, netValueView } from './depreciation.reader.js';
import { uncardedAsOf } from './uncarded.js';

@QueryHandler(ReconciliationQuery)
export class ReconciliationHandler implements IQueryHandler<ReconciliationQuery, ReconciliationWithNetValue> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly stocktakes: StocktakeRepository,
    private readonly depreciation: DepreciationReader,
  ) {}

  /**
   * The year starts from the book as of the previous 31 December, unless an opening declaration
   * is dated within the year (a register started mid-year): then from that declaration. Either
   * way opening + acquisitions − disposals is the closing book as of 31 December. All reads on
   * one snapshot, so a card or a stocktake committed meanwhile cannot be half in the answer.
   */
  execute({ department, year }: ReconciliationQuery): Promise<ReconciliationWithNetValue> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const view = await this.reconcile(m, department, year);
      // The closing book's 累计折旧 and 净值: cards held on 31 December, through the year's last posted month.
      const { through, accumulated } = await this.depreciation.byCategory(m, department, view.closingAsOf);
      const total = [...accumulated.values()].reduce((a, b) => a + b, 0n);
      return {
        ...view,
        depreciatedThrough: through,
        categories: view.categories.map((c) => ({
          ...c,
          closingBookNetValue: netValueView(yuanToFen(c.closingBook.value), accumulated.get(c.category) ?? 0n),
        })),
        total: { ...view.total, closingBookNetValue: netValueView(yuanToFen(view.total.closingBook.value), total) },
      };
    });
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
        uncardedCounted: new Map(closed.categoryCounts.map((c) => [c.category, { count: c.count, value: c.value }])),
      },
      ledger: await this.assets.ledgerBalances(m, department, year),
      uncarded: await uncardedAsOf(m, this.assets, department, end),
      uncardedAsOf: latest?.asOf ?? null,
    });
  }
}
