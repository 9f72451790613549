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
  /** null without a closed stocktake in the year. */
  physical: (FigureView & { shortage: FigureView; surplus: FigureView }) | null;
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
    count: { physical: Figure; shortage: Figure; surplus: Figure } | null,
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
        physical: count
          ? { ...figureView(count.physical), shortage: figureView(count.shortage), surplus: figureView(count.surplus) }
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

  let balanced = inputs.count !== null && ledger !== null;
  const categories = ASSET_CATEGORIES.map(({ category, code }) => {
    const r = row(
      figureOf(inputs.opening, category),
      figureOf(inputs.acquisitions, category),
      figureOf(inputs.disposals, category),
      figureOf(closing, category),
      inputs.count
        ? {
            physical: countOf((c) => c.physical, category),
            shortage: countOf((c) => c.shortage, category),
            surplus: countOf((c) => c.surplus, category),
          }
        : null,
      ledger ? (ledger.get(category) ?? 0n) : null,
    );
    balanced &&= r.balanced;
    return { category, categoryCode: code, ...r.view };
  });
  const total = row(
    totalOf(inputs.opening),
    totalOf(inputs.acquisitions),
    totalOf(inputs.disposals),
    totalOf(closing),
    inputs.count
      ? { physical: totalOf(inputs.count.physical), shortage: totalOf(inputs.count.shortage), surplus: totalOf(inputs.count.surplus) }
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
  };
}
