import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { requireInScope } from '../../common/auth/department-scope.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { StocktakeRepository } from '../infrastructure/stocktake.repository.js';
import { GetStocktakeQuery } from './asset.queries.js';
import { stocktakeView, type StocktakeView } from './stocktake.view.js';

@QueryHandler(GetStocktakeQuery)
export class GetStocktakeHandler implements IQueryHandler<GetStocktakeQuery, StocktakeView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stocktakes: StocktakeRepository,
  ) {}

  async execute({ stocktakeId, actor }: GetStocktakeQuery): Promise<StocktakeView> {
    const notFound = () => new NotFoundError('STOCKTAKE.NOT_FOUND', `Stocktake ${stocktakeId} does not exist`, 'id', { stocktakeId });
    const record = await this.stocktakes.get(this.dataSource.manager, stocktakeId, true);
    if (!record) throw notFound();
    requireInScope(actor, record.department, notFound);
    return stocktakeView(record);
  }
}
