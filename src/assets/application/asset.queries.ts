import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/context/command-context.js';
import type { HoldingsView } from '../domain/holdings.js';
import type { ReconciliationView } from '../domain/reconciliation.js';
import type { AssetFilter } from '../infrastructure/asset.repository.js';
import type { AssetView } from './asset.view.js';
import type { CategoryNetValue } from './depreciation.reader.js';
import type { CardDepreciationView } from './depreciation.views.js';
import type { StocktakeView } from './stocktake.view.js';

/** A card with its depreciation figures as of a date. */
export type AssetDepreciatedView = AssetView & CardDepreciationView;

export class GetAssetQuery extends Query<AssetDepreciatedView> {
  constructor(
    readonly assetId: string,
    readonly actor: Actor,
    /** YYYY-MM-DD as sent; undefined means today. Validated by the handler. */
    readonly asOf?: string,
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

/** Holdings with 累计折旧 and 净值 beside 原值, per category and in total. */
export type HoldingsWithNetValue = Omit<HoldingsView, 'categories' | 'total'> & {
  /** The last posted depreciation month the figures run through (YYYY-MM); null before the first posting. */
  depreciatedThrough: string | null;
  categories: Array<HoldingsView['categories'][number] & CategoryNetValue>;
  total: HoldingsView['total'] & CategoryNetValue;
};

/** The reconciliation with 累计折旧 and 净值 of the closing book, per category and in total. */
export type ReconciliationWithNetValue = Omit<ReconciliationView, 'categories' | 'total'> & {
  depreciatedThrough: string | null;
  categories: Array<ReconciliationView['categories'][number] & { closingBookNetValue: CategoryNetValue }>;
  total: ReconciliationView['total'] & { closingBookNetValue: CategoryNetValue };
};

export class HoldingsQuery extends Query<HoldingsWithNetValue> {
  constructor(
    readonly department: string,
    /** YYYY-MM-DD; undefined means today. */
    readonly asOf: string | undefined,
  ) {
    super();
  }
}

export class ReconciliationQuery extends Query<ReconciliationWithNetValue> {
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
