import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { requireInScope } from '../../common/auth/department-scope.js';
import { assetNotFound } from '../domain/asset-errors.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { requireDate } from '../domain/asset-rules.js';
import { type AssetDepreciatedView, GetAssetQuery } from './asset.queries.js';
import { assetView } from './asset.view.js';
import { Clock } from './clock.js';
import { DepreciationReader } from './depreciation.reader.js';

@QueryHandler(GetAssetQuery)
export class GetAssetHandler implements IQueryHandler<GetAssetQuery, AssetDepreciatedView> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly assets: AssetRepository,
    private readonly depreciation: DepreciationReader,
    private readonly clock: Clock,
  ) {}

  async execute({ assetId, actor, asOf }: GetAssetQuery): Promise<AssetDepreciatedView> {
    const date = asOf === undefined ? await this.clock.today() : requireDate(asOf, 'asOf');
    const row = await this.assets.get(this.dataSource.manager, assetId);
    if (!row) throw assetNotFound(assetId, 'id');
    // Another department's card answers exactly like a missing one.
    requireInScope(actor, row.department, () => assetNotFound(assetId, 'id'));
    const depreciation = await this.depreciation.card(this.dataSource.manager, assetId, date);
    if (!depreciation) throw assetNotFound(assetId, 'id');
    return { ...assetView(row), ...depreciation };
  }
}
