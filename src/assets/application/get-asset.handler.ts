import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { requireInScope } from '../../common/auth/department-scope.js';
import { assetNotFound } from '../domain/asset-errors.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { GetAssetQuery } from './asset.queries.js';
import { assetView, type AssetView } from './asset.view.js';

@QueryHandler(GetAssetQuery)
export class GetAssetHandler implements IQueryHandler<GetAssetQuery, AssetView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
  ) {}

  async execute({ assetId, actor }: GetAssetQuery): Promise<AssetView> {
    const row = await this.assets.get(this.dataSource.manager, assetId);
    if (!row) throw assetNotFound(assetId, 'id');
    // Another department's card answers exactly like a missing one.
    requireInScope(actor, row.department, () => assetNotFound(assetId, 'id'));
    return assetView(row);
  }
}
