import type { Fen } from '../../common/money/money.js';
import type { Quantity } from '../../common/money/quantity.js';
import type { AssetCategoryName } from './asset-category.js';
import type { AssetCatalogFacts } from './asset.commands.js';
import type { CategoryFigures, Figure } from './category-figures.js';
import type { StocktakeClosedData } from './stocktake.events.js';

export type StocktakeItem = { assetId: string; category: AssetCategoryName; quantity: bigint; value: Fen };
export type StocktakeCount = { found: boolean; quantity: bigint; note: string | null };
export type SurplusItem = {
  itemId: string;
  name: string;
  catalogCode: string;
  category: AssetCategoryName;
  quantity: bigint;
  estimatedValue: Fen;
  note: string | null;
};

type Taken = {
  stocktakeId: string;
  asOf: string;
  /**
   * In scope, by asset id. A stocktake opened by reference (StocktakeOpened v2) does not list its
   * cards: the handler reads the ones a decision needs (the counted cards; every card to close)
   * from the stocktake's table into this map, with their latest counts.
   */
  items: ReadonlyMap<string, StocktakeItem>;
  /**
   * To close a large stocktake: the whole scope's book by category, `items` then holding only the
   * cards not counted exactly as booked (uncounted, or found with another quantity), since a card
   * found as booked adds to the book and to nothing else.
   */
  book?: CategoryFigures;
  /** The latest count of each card counted so far. */
  counts: ReadonlyMap<string, StocktakeCount>;
  surpluses: readonly SurplusItem[];
  /** The latest count of each category's uncarded items. */
  categoryCounts: ReadonlyMap<AssetCategoryName, CategoryCount>;
};

export type CategoryCount = { count: bigint; value: Fen; note: string | null };

/** open → closed; a closed stocktake never changes again. */
export type StocktakeState =
  { status: 'empty' } | ({ status: 'open' } & Taken) | ({ status: 'closed'; result: StocktakeClosedData } & Taken);

export const initialStocktakeState = (): StocktakeState => ({ status: 'empty' });

/** The scope by reference (see StocktakeOpened v2): the snapshot that selects the cards, and what they add up to. */
export type OpeningScope = { snapshot: string; cards: number; book: Figure };

export type OpenStocktakeData = { stocktakeId: string; asOf: string };

export type CountInput = { assetId: string; found: boolean; quantity?: Quantity; note?: string | null };
export type UnknownItemInput = {
  itemId: string;
  name: string;
  catalogCode: string;
  quantity: Quantity;
  estimatedValue: Fen;
  note?: string | null;
};
/** `value` absent: the uncarded book value, prorated when the count differs from the uncarded book count. */
export type CategoryCountInput = { category: AssetCategoryName; count: bigint; value?: Fen; note?: string | null };
export type RecordCountsData = {
  stocktakeId: string;
  counts: readonly CountInput[];
  unknownItems: readonly UnknownItemInput[];
  categoryCounts?: readonly CategoryCountInput[];
};
export type CloseStocktakeData = { stocktakeId: string };

export type OpenStocktake = { type: 'OpenStocktake'; data: OpenStocktakeData };
export type RecordCounts = { type: 'RecordCounts'; data: RecordCountsData };
export type CloseStocktake = { type: 'CloseStocktake'; data: CloseStocktakeData };
export type StocktakeCommand = OpenStocktake | RecordCounts | CloseStocktake;

/**
 * Facts the handler looks up first:
 * - OpenStocktake: `scope`, the reference to the department's cards as of asOf and their book; `today`.
 * - CloseStocktake: `today`, the day it is closed on.
 * - RecordCounts: `existingAssets`, which counted ids outside the scope are cards of the
 *   department at all (400 "not in this stocktake" rather than 404); `catalog` for each unknown
 *   item's code (null: not in the catalog).
 */
export type StocktakeDecisionContext = {
  scope?: OpeningScope;
  today?: string;
  existingAssets?: ReadonlySet<string>;
  catalog?: ReadonlyMap<string, AssetCatalogFacts | null>;
  /** RecordCounts with categoryCounts: the uncarded book as of asOf, by category. */
  uncarded?: CategoryFigures;
};
