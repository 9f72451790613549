import { formatWanYuan, formatYuan, type Fen } from '../../common/money/money.js';
import { ASSET_CATEGORIES, type AssetCategoryName } from '../domain/asset-category.js';
import { type CategoryFigures, figureOf, type FigureView, figureView, totalOf } from '../domain/category-figures.js';

export type OpeningHoldingsView = {
  department: string;
  asOf: string;
  categories: Array<{ category: AssetCategoryName; categoryCode: string } & FigureView>;
  total: FigureView;
};

export type LedgerBalancesView = {
  department: string;
  year: number;
  categories: Array<{ category: AssetCategoryName; categoryCode: string; value: string; valueWan: string }>;
  total: { value: string; valueWan: string };
};

export function openingHoldingsView(department: string, asOf: string, figures: CategoryFigures): OpeningHoldingsView {
  return {
    department,
    asOf,
    categories: ASSET_CATEGORIES.map(({ category, code }) => ({
      category,
      categoryCode: code,
      ...figureView(figureOf(figures, category)),
    })),
    total: figureView(totalOf(figures)),
  };
}

export function ledgerBalancesView(department: string, year: number, balances: ReadonlyMap<AssetCategoryName, Fen>): LedgerBalancesView {
  let total = 0n;
  const categories = ASSET_CATEGORIES.map(({ category, code }) => {
    const value = balances.get(category) ?? 0n;
    total += value;
    return { category, categoryCode: code, value: formatYuan(value), valueWan: formatWanYuan(value) };
  });
  return { department, year, categories, total: { value: formatYuan(total), valueWan: formatWanYuan(total) } };
}
