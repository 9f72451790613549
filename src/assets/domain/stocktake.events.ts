import type { AssetCategoryName } from './asset-category.js';

/*
 * Public contract (schemaVersion 1) of the stocktake-<id> streams (资产清查/盘点). Counts of items
 * are JSON integers, quantities of a card decimal strings, money 元 strings. The envelope's
 * budget year is the year of asOf.
 */
export const STOCKTAKE_EVENT_SCHEMA_VERSION = 1;

export type StocktakeItemPayload = { assetId: string; category: AssetCategoryName; quantity: string; value: string };
export type FigurePayload = { count: number; value: string };

export type StocktakeOpenedData = {
  stocktakeId: string;
  asOf: string;
  /**
   * The cards in scope, as the register held them as of asOf when the stocktake was opened:
   * acquired on or before asOf and not disposed of by then. Carried in the event so the scope is
   * a fact of the log (a rebuild does not recompute it from cards that may have changed since).
   */
  items: StocktakeItemPayload[];
  book: FigurePayload;
};

export type AssetCountedData = {
  stocktakeId: string;
  assetId: string;
  found: boolean;
  /** Items found: the card's quantity by default when found, "0" when not. */
  quantity: string;
  note: string | null;
};

/** An item found that has no card (盘盈 of an unrecorded asset). */
export type SurplusAssetFoundData = {
  stocktakeId: string;
  itemId: string;
  name: string;
  catalogCode: string;
  category: AssetCategoryName;
  quantity: string;
  estimatedValue: string;
  note: string | null;
};

export type CategoryResultPayload = {
  category: AssetCategoryName;
  categoryCode: string;
  book: FigurePayload;
  /** 盘亏: book items not found. */
  shortage: FigurePayload;
  /** 盘盈: found beyond a card's quantity, and found items without a card. */
  surplus: FigurePayload;
  /** Book items on cards nobody counted before closing: not known to be there, not known missing. */
  uncounted: FigurePayload;
  /** What was counted as present: book − shortage − uncounted + surplus. */
  physical: FigurePayload;
};

export type StocktakeClosedData = {
  stocktakeId: string;
  asOf: string;
  closedOn: string;
  /** Every category, in disclosure order. */
  categories: CategoryResultPayload[];
  total: Omit<CategoryResultPayload, 'category' | 'categoryCode'>;
  shortages: Array<{ assetId: string; category: AssetCategoryName; quantity: string; value: string }>;
  /** Cards still uncounted at closing. */
  uncounted: Array<{ assetId: string; category: AssetCategoryName; quantity: string; value: string }>;
  surpluses: Array<{
    /** The card found in excess of its quantity, or null for an item without a card. */
    assetId: string | null;
    itemId: string | null;
    name: string | null;
    category: AssetCategoryName;
    quantity: string;
    value: string;
  }>;
};

export type StocktakeOpened = { type: 'StocktakeOpened'; data: StocktakeOpenedData };
export type AssetCounted = { type: 'AssetCounted'; data: AssetCountedData };
export type SurplusAssetFound = { type: 'SurplusAssetFound'; data: SurplusAssetFoundData };
export type StocktakeClosed = { type: 'StocktakeClosed'; data: StocktakeClosedData };
export type StocktakeEvent = StocktakeOpened | AssetCounted | SurplusAssetFound | StocktakeClosed;

export const STOCKTAKE_EVENT_TYPES: readonly StocktakeEvent['type'][] = [
  'StocktakeOpened',
  'AssetCounted',
  'SurplusAssetFound',
  'StocktakeClosed',
];

export function isStocktakeEvent(event: { type: string }): event is StocktakeEvent {
  return (STOCKTAKE_EVENT_TYPES as readonly string[]).includes(event.type);
}
