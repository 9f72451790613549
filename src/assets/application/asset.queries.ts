import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/context/command-context.js';
import type { HoldingsView } from '../domain/holdings.js';
import type { ReconciliationView } from '../domain/reconciliation.js';
import type { AssetFilter } from '../infrastructure/asset.repository.js';
import type { AssetView } from './asset.view.js';
import type { StocktakeView } from './stocktake.view.js';

export class GetAssetQuery extends Query<AssetView> {
  constructor(
    readonly assetId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

export interface AssetPage {
  items: AssetView[];
  total: number;
  offset: number;
  limit: number;
}

export class ListAssetsQuery extends Query<AssetPage> {
  constructor(
    readonly department: string,
    readonly filter: AssetFilter,
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}

export class HoldingsQuery extends Query<HoldingsView> {
  constructor(
    readonly department: string,
    /** YYYY-MM-DD; undefined means today. */
    readonly asOf: string | undefined,
  ) {
    super();
  }
}

export class ReconciliationQuery extends Query<ReconciliationView> {
  constructor(
    readonly department: string,
    readonly year: number,
  ) {
    super();
  }
}

export class GetStocktakeQuery extends Query<StocktakeView> {
  constructor(
    readonly stocktakeId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
