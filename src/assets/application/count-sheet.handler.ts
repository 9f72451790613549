import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import { requireInScope } from '../../common/auth/department-scope.js';
import type { Actor } from '../../common/context/command-context.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/http/page.query.js';
import { type SheetRowRecord, type StocktakeHeader, StocktakeRepository } from '../infrastructure/stocktake.repository.js';
import { countSheetFile, type SheetFile } from './count-sheet-file.js';
import { GetCountSheetFileQuery, GetCountSheetQuery } from './count-sheet.queries.js';
import { sheetLineView, type SheetLineView } from './count-sheet.view.js';
import { DepreciationReader } from './depreciation.reader.js';
import type { CardDepreciationView } from './depreciation.views.js';

/** The stocktake, if the caller's departments include its own; otherwise 404, as for a missing one. */
export async function visibleStocktake(
  db: EntityManager,
  stocktakes: StocktakeRepository,
  id: string,
  actor: Actor,
): Promise<StocktakeHeader> {
  const notFound = () => new NotFoundError('STOCKTAKE.NOT_FOUND', `Stocktake ${id} does not exist`, 'id', { stocktakeId: id });
  const header = await stocktakes.header(db, id);
  if (!header) throw notFound();
  requireInScope(actor, header.department, notFound);
  return header;
}

/** Every sheet line is joined to its card, so its card's figures are there. */
function figureOf(figures: Map<string, CardDepreciationView>, row: SheetRowRecord): CardDepreciationView {
  const found = figures.get(row.assetId);
  if (!found) throw new Error(`Card ${row.assetId} of the sheet has no depreciation terms`);
  return found;
}

@QueryHandler(GetCountSheetQuery)
export class GetCountSheetHandler implements IQueryHandler<GetCountSheetQuery, Page<SheetLineView>> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stocktakes: StocktakeRepository,
    private readonly depreciation: DepreciationReader,
  ) {}

  async execute(q: GetCountSheetQuery): Promise<Page<SheetLineView>> {
    // One snapshot: the total and the page agree even while counts are being recorded.
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const header = await visibleStocktake(m, this.stocktakes, q.stocktakeId, q.actor);
      const { items, total } = await this.stocktakes.sheet(m, q.stocktakeId, q.filter, q.offset, q.limit, q.after);
      // The page's cards only: a sheet's net values cost its page, not its scope.
      const figures = await this.depreciation.cards(
        m,
        items.map((i) => i.assetId),
        header.asOf,
      );
      return { items: items.map((i) => sheetLineView(i, figureOf(figures, i))), total, offset: q.offset, limit: q.limit };
    });
  }
}

@QueryHandler(GetCountSheetFileQuery)
export class GetCountSheetFileHandler implements IQueryHandler<GetCountSheetFileQuery, SheetFile> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stocktakes: StocktakeRepository,
    private readonly depreciation: DepreciationReader,
  ) {}

  async execute(q: GetCountSheetFileQuery): Promise<SheetFile> {
    const header = await visibleStocktake(this.dataSource.manager, this.stocktakes, q.stocktakeId, q.actor);
    const db = this.dataSource.manager;
    const { items } = await this.stocktakes.sheet(db, q.stocktakeId, q.filter, 0, null);
    const figures = await this.depreciation.cards(
      db,
      items.map((i) => i.assetId),
      header.asOf,
    );
    return countSheetFile(q.stocktakeId, header.asOf, items, (i) => figureOf(figures, i), q.format);
  }
}
