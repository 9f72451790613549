import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import { requireInScope } from '../../common/auth/department-scope.js';
import type { Actor } from '../../common/context/command-context.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { Page } from '../../common/http/page.query.js';
import { type StocktakeHeader, StocktakeRepository } from '../infrastructure/stocktake.repository.js';
import { countSheetFile, type SheetFile } from './count-sheet-file.js';
import { GetCountSheetFileQuery, GetCountSheetQuery } from './count-sheet.queries.js';
import { sheetLineView, type SheetLineView } from './count-sheet.view.js';

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

@QueryHandler(GetCountSheetQuery)
export class GetCountSheetHandler implements IQueryHandler<GetCountSheetQuery, Page<SheetLineView>> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stocktakes: StocktakeRepository,
  ) {}

  async execute(q: GetCountSheetQuery): Promise<Page<SheetLineView>> {
    // One snapshot: the total and the page agree even while counts are being recorded.
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await visibleStocktake(m, this.stocktakes, q.stocktakeId, q.actor);
      const { items, total } = await this.stocktakes.sheet(m, q.stocktakeId, q.filter, q.offset, q.limit);
      return { items: items.map(sheetLineView), total, offset: q.offset, limit: q.limit };
    });
  }
}

@QueryHandler(GetCountSheetFileQuery)
export class GetCountSheetFileHandler implements IQueryHandler<GetCountSheetFileQuery, SheetFile> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stocktakes: StocktakeRepository,
  ) {}

  async execute(q: GetCountSheetFileQuery): Promise<SheetFile> {
    const header = await visibleStocktake(this.dataSource.manager, this.stocktakes, q.stocktakeId, q.actor);
    const { items } = await this.stocktakes.sheet(this.dataSource.manager, q.stocktakeId, q.filter, 0, null);
    return countSheetFile(q.stocktakeId, header.asOf, items, q.format);
  }
}
