import { ASSET_CATEGORIES, type AssetCategoryName } from './asset-category.js';
import { combine, type CategoryFigures, type Figure, figureOf, type FigureView, figureView, totalOf } from './category-figures.js';

export type HoldingsInputs = {
  asOf: string;
  /** The latest opening declaration dated on or before asOf, if any. */
  opening: { asOf: string; figures: CategoryFigures } | null;
  /** Cards acquired after the opening date (or ever, without one) up to asOf. */
  acquired: CategoryFigures;
  /** Cards disposed of after the opening date (or ever) up to asOf. */
  disposed: CategoryFigures;
  /** The opening declaration's figures not backed by cards (uncardedFigures); empty without one. */
  uncarded: CategoryFigures;
};

export type HoldingsRow = {
  category: AssetCategoryName;
  categoryCode: string;
  count: number;
  value: string;
  valueWan: string;
  opening: FigureView;
  acquired: FigureView;
  disposed: FigureView;
  /** Part of the opening figure with no card behind it: declared − cards held as of the declaration's date. */
  uncarded: FigureView;
};

export type HoldingsView = {
  department: string;
  asOf: string;
  /** The opening declaration the figures start from; null when none is dated on or before asOf. */
  openingAsOf: string | null;
  categories: HoldingsRow[];
  total: FigureView;
  uncarded: FigureView;
};

/**
 * Holdings as of a date = the latest opening declaration dated ≤ asOf + cards acquired after
 * that date up to asOf − cards disposed of after that date up to asOf. Cards dated on or before
 * the declaration are the detail behind its figures (e.g. legacy cards entered later), not
 * additions to them; a card disposed of after the declaration leaves the count whenever it was
 * acquired, because it was either in the declared figure or added since.
 */
export function computeHoldings(department: string, inputs: HoldingsInputs): HoldingsView {
  const opening = inputs.opening?.figures ?? new Map();
  const held = heldFigures(inputs);
  return {
    department,
    asOf: inputs.asOf,
    openingAsOf: inputs.opening?.asOf ?? null,
    categories: ASSET_CATEGORIES.map(({ category, code }) => ({
      category,
      categoryCode: code,
      ...figureView(figureOf(held, category)),
      opening: figureView(figureOf(opening, category)),
      acquired: figureView(figureOf(inputs.acquired, category)),
      disposed: figureView(figureOf(inputs.disposed, category)),
      uncarded: figureView(figureOf(inputs.uncarded, category)),
    })),
    total: figureView(totalOf(held)),
    uncarded: figureView(totalOf(inputs.uncarded)),
  };
}

/**
 * Opening holdings declared as totals and not (yet) carded: the declaration's figures minus the
 * cards held as of its date, per category. Negative when more is carded than was declared,
 * which says the declaration is short.
 */
export function uncardedFigures(declared: CategoryFigures, cardedAtDeclaration: CategoryFigures): Map<AssetCategoryName, Figure> {
  return combine([
    { figures: declared, sign: 1 },
    { figures: cardedAtDeclaration, sign: -1 },
  ]);
}

/** The held figures alone, by category. */
export function heldFigures(inputs: Pick<HoldingsInputs, 'opening' | 'acquired' | 'disposed'>): Map<AssetCategoryName, Figure> {
  return combine([
    { figures: inputs.opening?.figures ?? new Map(), sign: 1 },
    { figures: inputs.acquired, sign: 1 },
    { figures: inputs.disposed, sign: -1 },
  ]);
}
