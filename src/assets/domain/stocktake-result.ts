import { formatYuan, type Fen } from '../../common/money/money.js';
import { divideHalfUp } from '../../common/money/rounding.js';
import { ASSET_CATEGORIES, type AssetCategoryName } from './asset-category.js';
import { type Figure, minus, plus, ZERO_FIGURE } from './category-figures.js';
import type { FigurePayload, StocktakeClosedData } from './stocktake.events.js';
import type { StocktakeState } from './stocktake.state.js';

type Open = Extract<StocktakeState, { status: 'open' }>;

/** The part of a card's value that `quantity` of its items stand for; whole cards exactly. */
function share(value: Fen, quantity: bigint, of: bigint): Fen {
  return quantity === of ? value : divideHalfUp(value * quantity, of);
}

/**
 * Book against count, card by card. A card found short (fewer items than its quantity, or not
 * found) is a shortage (盘亏) of the missing items at their share of the card's value; a card
 * found with more items than its quantity (a batch card) is a surplus (盘盈) of the extra items at
 * the same unit value; items found without a card are surpluses at their estimated value.
 * A card nobody counted is neither: it is reported as uncounted and left out of the physical
 * figure, so an incomplete count can never look balanced.
 * Per category: physical = book − shortage − uncounted + surplus, in count and in value.
 * With `state.book` (the scope's book summed by the database) only the cards not counted as
 * booked need to be in `state.items`: the result is the same.
 */
export function stocktakeResult(state: Open, closedOn: string): StocktakeClosedData {
  const book = new Map<AssetCategoryName, Figure>(state.book ?? []);
  const shortage = new Map<AssetCategoryName, Figure>();
  const surplus = new Map<AssetCategoryName, Figure>();
  const notCounted = new Map<AssetCategoryName, Figure>();
  const add = (m: Map<AssetCategoryName, Figure>, c: AssetCategoryName, f: Figure) => m.set(c, plus(m.get(c) ?? ZERO_FIGURE, f));
  const shortages: StocktakeClosedData['shortages'] = [];
  const surpluses: StocktakeClosedData['surpluses'] = [];
  const uncounted: StocktakeClosedData['uncounted'] = [];

  for (const item of state.items.values()) {
    const count = state.counts.get(item.assetId);
    if (!state.book) add(book, item.category, { count: item.quantity, value: item.value });
    if (!count) {
      add(notCounted, item.category, { count: item.quantity, value: item.value });
      uncounted.push({ assetId: item.assetId, category: item.category, quantity: item.quantity.toString(), value: formatYuan(item.value) });
      continue;
    }
    const found = count.found ? count.quantity : 0n;
    if (found < item.quantity) {
      const missing = { count: item.quantity - found, value: share(item.value, item.quantity - found, item.quantity) };
      add(shortage, item.category, missing);
      shortages.push({
        assetId: item.assetId,
        category: item.category,
        quantity: missing.count.toString(),
        value: formatYuan(missing.value),
      });
    } else if (found > item.quantity) {
      const extra = { count: found - item.quantity, value: share(item.value, found - item.quantity, item.quantity) };
      add(surplus, item.category, extra);
      surpluses.push({
        assetId: item.assetId,
        itemId: null,
        name: null,
        category: item.category,
        quantity: extra.count.toString(),
        value: formatYuan(extra.value),
      });
    }
  }
  for (const s of state.surpluses) {
    add(surplus, s.category, { count: s.quantity, value: s.estimatedValue });
    surpluses.push({
      assetId: null,
      itemId: s.itemId,
      name: s.name,
      category: s.category,
      quantity: s.quantity.toString(),
      value: formatYuan(s.estimatedValue),
    });
  }

  let total: Row = { book: ZERO_FIGURE, shortage: ZERO_FIGURE, surplus: ZERO_FIGURE, uncounted: ZERO_FIGURE };
  const categories = ASSET_CATEGORIES.map(({ category, code }) => {
    const row: Row = {
      book: book.get(category) ?? ZERO_FIGURE,
      shortage: shortage.get(category) ?? ZERO_FIGURE,
      surplus: surplus.get(category) ?? ZERO_FIGURE,
      uncounted: notCounted.get(category) ?? ZERO_FIGURE,
    };
    total = {
      book: plus(total.book, row.book),
      shortage: plus(total.shortage, row.shortage),
      surplus: plus(total.surplus, row.surplus),
      uncounted: plus(total.uncounted, row.uncounted),
    };
    return { category, categoryCode: code, ...payloads(row) };
  });
  return {
    stocktakeId: state.stocktakeId,
    asOf: state.asOf,
    closedOn,
    categories,
    total: payloads(total),
    shortages,
    uncounted,
    surpluses,
  };
}

type Row = { book: Figure; shortage: Figure; surplus: Figure; uncounted: Figure };

function payloads(row: Row) {
  return {
    book: figurePayload(row.book),
    shortage: figurePayload(row.shortage),
    surplus: figurePayload(row.surplus),
    uncounted: figurePayload(row.uncounted),
    physical: figurePayload(plus(minus(minus(row.book, row.shortage), row.uncounted), row.surplus)),
  };
}

export const figurePayload = (f: Figure): FigurePayload => ({ count: Number(f.count), value: formatYuan(f.value) });
