import { formatWanYuan, formatYuan, type Fen } from '../../common/money/money.js';
import { ASSET_CATEGORIES, type AssetCategoryName } from './asset-category.js';

/** A count of items and their original value: one cell pair of 部门固定资产占用情况表. */
export type Figure = { count: bigint; value: Fen };

/** Figures by category; a missing category is zero. */
export type CategoryFigures = ReadonlyMap<AssetCategoryName, Figure>;

export const ZERO_FIGURE: Figure = { count: 0n, value: 0n };

export const figureOf = (figures: CategoryFigures, category: AssetCategoryName): Figure => figures.get(category) ?? ZERO_FIGURE;

export const plus = (a: Figure, b: Figure): Figure => ({ count: a.count + b.count, value: a.value + b.value });
export const minus = (a: Figure, b: Figure): Figure => ({ count: a.count - b.count, value: a.value - b.value });

export function totalOf(figures: CategoryFigures): Figure {
  let total = ZERO_FIGURE;
  for (const f of figures.values()) total = plus(total, f);
  return total;
}

/** Category by category, in disclosure order. */
export function combine(parts: ReadonlyArray<{ figures: CategoryFigures; sign: 1 | -1 }>): Map<AssetCategoryName, Figure> {
  const out = new Map<AssetCategoryName, Figure>();
  for (const { category } of ASSET_CATEGORIES) {
    let f = ZERO_FIGURE;
    for (const part of parts) f = part.sign === 1 ? plus(f, figureOf(part.figures, category)) : minus(f, figureOf(part.figures, category));
    out.set(category, f);
  }
  return out;
}

/** API form: count as a JSON number (items), value in 元 and, as the disclosure prints it, 万元. */
export type FigureView = { count: number; value: string; valueWan: string };

export function figureView(f: Figure): FigureView {
  return { count: Number(f.count), value: formatYuan(f.value), valueWan: formatWanYuan(f.value) };
}
