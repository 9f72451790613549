import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { type AssetPage, ListAssetsQuery } from './asset.queries.js';
import { assetView } from './asset.view.js';

@QueryHandler(ListAssetsQuery)
export class ListAssetsHandler implements IQueryHandler<ListAssetsQuery, AssetPage> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
  ) {}

  async execute(q: ListAssetsQuery): Promise<AssetPage> {
    const { items, total } = await this.assets.list(this.dataSource.manager, q.department, q.filter, q.offset, q.limit);
    return { items: items.map(assetView), total, offset: q.offset, limit: q.limit };
  }
}
