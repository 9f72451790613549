import { formatWanYuan, formatYuan, type Fen } from '../../common/money/money.js';
import { ASSET_CATEGORIES, type AssetCategoryName } from './asset-category.js';
import {
  combine,
  type CategoryFigures,
  type Figure,
  figureOf,
  type FigureView,
  figureView,
  minus,
  totalOf,
  ZERO_FIGURE,
} from './category-figures.js';

/** The closed stocktake a year is reconciled against, per category. */
export type PhysicalCount = {
  stocktakeId: string;
  asOf: string;
  closedOn: string;
  physical: CategoryFigures;
  shortage: CategoryFigures;
  surplus: CategoryFigures;
  /** Uncarded items counted by category; part of `physical`. */
  uncardedCounted: CategoryFigures;
};

export type ReconciliationInputs = {
  year: number;
  /** Previous 31 December, or a within-year opening declaration the year's figures start from. */
  openingAsOf: string;
  opening: CategoryFigures;
  acquisitions: CategoryFigures;
  disposals: CategoryFigures;
  /** The latest closed stocktake dated in the year, or null. */
  count: PhysicalCount | null;
  /** Ledger balances declared for the year (values; a category left out is 0), or null. */
  ledger: ReadonlyMap<AssetCategoryName, Fen> | null;
  /** The part of the closing book declared without cards (opening holdings as totals), and the declaration's date. */
  uncarded: CategoryFigures;
  uncardedAsOf: string | null;
};

type MoneyView = { value: string; valueWan: string };
const moneyView = (fen: Fen): MoneyView => ({ value: formatYuan(fen), valueWan: formatWanYuan(fen) });
const differenceView = (f: Figure) => ({ count: Number(f.count), value: formatYuan(f.value), valueWan: formatWanYuan(f.value) });

export type ReconciliationRow = {
  category: AssetCategoryName;
  categoryCode: string;
  opening: FigureView;
  acquisitions: FigureView;
  disposals: FigureView;
  closingBook: FigureView;
  /** Of the closing book, items declared in the opening holdings without a card behind them. */
  uncarded: FigureView;
  /** null without a closed stocktake in the year; `uncardedCounted` is the part counted by category. */
  physical: (FigureView & { shortage: FigureView; surplus: FigureView; uncardedCounted: FigureView }) | null;
  /** null without ledger balances for the year. */
  ledger: MoneyView | null;
  differences: {
    /** 账实: closing book − physical, in count and value. */
    bookMinusPhysical: { count: number; value: string; valueWan: string } | null;
    /** 账账: closing book value − ledger balance. */
    bookMinusLedger: MoneyView | null;
  };
};

export type ReconciliationView = {
  department: string;
  year: number;
  openingAsOf: string;
  closingAsOf: string;
  stocktake: { id: string; asOf: string; closedOn: string } | null;
  ledgerDeclared: boolean;
  categories: ReconciliationRow[];
  total: Omit<ReconciliationRow, 'category' | 'categoryCode'>;
  /**
   * True only when there is a closed stocktake and ledger balances for the year and, in every
   * category and so in total, closing book = physical (count and value) = ledger (value).
   */
  balanced: boolean;
  /** Why it does not balance where the reason is plain: uncarded items nobody counted. Empty otherwise. */
  statements: string[];
};

/**
 * Year-end reconciliation (DESIGN §4.5): opening + acquisitions − disposals = closing book per
 * category, then the closing book against the physical count (账实相符) and against the finance
 * ledger (账账相符). Categories are all ten in disclosure order, so "every category" is plain.
 */
export function reconcile(department: string, inputs: ReconciliationInputs): ReconciliationView {
  const closing = combine([
    { figures: inputs.opening, sign: 1 },
    { figures: inputs.acquisitions, sign: 1 },
    { figures: inputs.disposals, sign: -1 },
  ]);
  const ledger = inputs.ledger;
  const row = (
    opening: Figure,
    acquisitions: Figure,
    disposals: Figure,
    book: Figure,
    uncarded: Figure,
    count: { physical: Figure; shortage: Figure; surplus: Figure; uncardedCounted: Figure } | null,
    ledgerValue: Fen | null,
  ) => {
    const bookMinusPhysical = count ? minus(book, count.physical) : null;
    const bookMinusLedger = ledgerValue === null ? null : book.value - ledgerValue;
    return {
      view: {
        opening: figureView(opening),
        acquisitions: figureView(acquisitions),
        disposals: figureView(disposals),
        closingBook: figureView(book),
        uncarded: figureView(uncarded),
        physical: count
          ? {
              ...figureView(count.physical),
              shortage: figureView(count.shortage),
              surplus: figureView(count.surplus),
              uncardedCounted: figureView(count.uncardedCounted),
            }
          : null,
        ledger: ledgerValue === null ? null : moneyView(ledgerValue),
        differences: {
          bookMinusPhysical: bookMinusPhysical && differenceView(bookMinusPhysical),
          bookMinusLedger: bookMinusLedger === null ? null : moneyView(bookMinusLedger),
        },
      },
      balanced:
        bookMinusPhysical !== null &&
        bookMinusPhysical.count === 0n &&
        bookMinusPhysical.value === 0n &&
        bookMinusLedger !== null &&
        bookMinusLedger === 0n,
    };
  };
  const countOf = (figures: (c: PhysicalCount) => CategoryFigures, category: AssetCategoryName) =>
    inputs.count ? figureOf(figures(inputs.count), category) : ZERO_FIGURE;

  // The cards' physical figure plus the uncarded items counted by category.
  const physical = inputs.count
    ? combine([
        { figures: inputs.count.physical, sign: 1 },
        { figures: inputs.count.uncardedCounted, sign: 1 },
      ])
    : new Map<AssetCategoryName, Figure>();
  let balanced = inputs.count !== null && ledger !== null;
  const statements: string[] = [];
  const categories = ASSET_CATEGORIES.map(({ category, code }) => {
    const uncarded = figureOf(inputs.uncarded, category);
    const r = row(
      figureOf(inputs.opening, category),
      figureOf(inputs.acquisitions, category),
      figureOf(inputs.disposals, category),
      figureOf(closing, category),
      uncarded,
      inputs.count
        ? {
            physical: figureOf(physical, category),
            shortage: countOf((c) => c.shortage, category),
            surplus: countOf((c) => c.surplus, category),
            uncardedCounted: countOf((c) => c.uncardedCounted, category),
          }
        : null,
      ledger ? (ledger.get(category) ?? 0n) : null,
    );
    balanced &&= r.balanced;
    const statement = uncardedStatement(category, figureOf(closing, category), uncarded, inputs);
    if (statement) statements.push(statement);
    return { category, categoryCode: code, ...r.view };
  });
  const total = row(
    totalOf(inputs.opening),
    totalOf(inputs.acquisitions),
    totalOf(inputs.disposals),
    totalOf(closing),
    totalOf(inputs.uncarded),
    inputs.count
      ? {
          physical: totalOf(physical),
          shortage: totalOf(inputs.count.shortage),
          surplus: totalOf(inputs.count.surplus),
          uncardedCounted: totalOf(inputs.count.uncardedCounted),
        }
      : null,
    ledger ? [...ledger.values()].reduce((a, b) => a + b, 0n) : null,
  );
  return {
    department,
    year: inputs.year,
    openingAsOf: inputs.openingAsOf,
    closingAsOf: `${inputs.year}-12-31`,
    stocktake: inputs.count && { id: inputs.count.stocktakeId, asOf: inputs.count.asOf, closedOn: inputs.count.closedOn },
    ledgerDeclared: ledger !== null,
    categories,
    total: total.view,
    balanced,
    statements,
  };
}

const itemsAndValue = (f: Figure) => `${f.count} items / ${formatYuan(f.value)} 元`;

/**
 * A category whose book includes uncarded items that the stocktake did not count by category:
 * the cards alone can never match the book, and the reconciliation says so in words.
 */
function uncardedStatement(category: AssetCategoryName, book: Figure, uncarded: Figure, inputs: ReconciliationInputs): string | null {
  if (uncarded.count === 0n && uncarded.value === 0n) return null;
  const declared = `declared in the opening holdings as of ${inputs.uncardedAsOf} without cards`;
  if (!inputs.count) {
    return `${category}: ${itemsAndValue(uncarded)} of the book of ${itemsAndValue(book)} are ${declared}; count them by category (categoryCounts) in a stocktake, or card them`;
  }
  if (inputs.count.uncardedCounted.has(category)) return null;
  return `${category}: book − physical includes ${itemsAndValue(uncarded)} ${declared}, which stocktake ${inputs.count.stocktakeId} did not count; count them by category (categoryCounts), or card them`;
}
