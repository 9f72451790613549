import { formatWanYuan, formatYuan } from '../../common/money/money.js';
import { ASSET_CATEGORIES } from '../domain/asset-category.js';
import { figureView } from '../domain/category-figures.js';
import type { StocktakeClosedData } from '../domain/stocktake.events.js';
import type { StocktakeRecord } from '../infrastructure/stocktake.repository.js';

export type StocktakeView = {
  id: string;
  version: number;
  department: string;
  budgetYear: number;
  asOf: string;
  status: 'open' | 'closed';
  /**
   * Position in the event log of the StocktakeOpened event: the scope is the cards as the
   * register held them in the transaction that appended it.
   */
  openedPosition: string;
  openedAt: string;
  scope: { cards: number; count: number; value: string; valueWan: string };
  progress: {
    counted: number;
    uncounted: number;
    notFound: number;
    surplusItems: number;
    /** Cards counted of the cards in scope, per category (disclosure order) and per current location; on GET only. */
    byCategory?: Array<{ category: string; categoryCode: string; counted: number; total: number }>;
    byLocation?: Array<{ location: string | null; counted: number; total: number }>;
  };
  /** Uncarded items counted by category (categoryCounts), in disclosure order. */
  categoryCounts: Array<{ category: string; categoryCode: string; count: number; value: string; valueWan: string; note: string | null }>;
  closedOn: string | null;
  /** Book, shortages (盘亏), surpluses (盘盈) and physical, per category and per card; null while open. */
  result: Omit<StocktakeClosedData, 'stocktakeId' | 'asOf' | 'closedOn'> | null;
};

export function stocktakeView(r: StocktakeRecord): StocktakeView {
  const result = r.result && {
    categories: r.result.categories,
    total: r.result.total,
    shortages: r.result.shortages,
    uncounted: r.result.uncounted,
    surpluses: r.result.surpluses,
  };
  return {
    id: r.stocktakeId,
    version: r.version,
    department: r.department,
    budgetYear: r.budgetYear,
    asOf: r.asOf,
    status: r.status,
    openedPosition: r.openedPosition,
    openedAt: r.openedAt.toISOString(),
    scope: { cards: r.items, count: Number(r.book.count), value: formatYuan(r.book.value), valueWan: formatWanYuan(r.book.value) },
    progress: {
      counted: r.counted,
      uncounted: r.items - r.counted,
      notFound: r.notFound,
      surplusItems: r.surplusItems,
      ...(r.breakdown && {
        byCategory: ASSET_CATEGORIES.flatMap(({ category, code }) => {
          const p = r.breakdown!.byCategory.find((row) => row.key === category);
          return p ? [{ category, categoryCode: code, counted: p.counted, total: p.cards }] : [];
        }),
        byLocation: r.breakdown.byLocation.map((p) => ({ location: p.key, counted: p.counted, total: p.cards })),
      }),
    },
    categoryCounts: ASSET_CATEGORIES.flatMap(({ category, code }) => {
      const c = r.categoryCounts.find((row) => row.category === category);
      return c ? [{ category, categoryCode: code, ...figureView(c), note: c.note }] : [];
    }),
    closedOn: r.closedOn,
    result,
  };
}
