import { NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import { formatYuan, type Fen, yuanToFen } from '../../common/money/money.js';
import { ASSET_CATEGORIES, type AssetCategoryName, storedCategory } from './asset-category.js';
import type { CategoryFigures, Figure } from './category-figures.js';
import { totalOf } from './category-figures.js';
import type {
  OpeningHoldingsDeclared,
  OpeningHoldingsDeclaredData,
  OpeningHoldingsEvent,
  OpeningHoldingsWithdrawn,
} from './declarations.events.js';

/*
 * Opening holdings (期初资产) of a department as of a date, stream `holdings-<dept>`: the figures
 * of 部门固定资产占用情况表 a register starts from, before (or instead of) a card for every item.
 */

/** Parsed input: categories already resolved, counts and values non-negative integers. */
export type CategoryFigureInput = { category: AssetCategoryName; count: bigint; value: Fen };
export type DeclareOpeningHoldings = { asOf: string; categories: readonly CategoryFigureInput[] };

/** Declarations by date. */
export type OpeningHoldingsState = ReadonlyMap<string, CategoryFigures>;
export const EMPTY_OPENING_HOLDINGS: OpeningHoldingsState = new Map();

/**
 * A declaration states the whole truth for its date: declaring the same figures again is no
 * change (no event; that is what makes the PUT idempotent), other figures replace the date's.
 */
export function decideOpeningHoldings(state: OpeningHoldingsState, command: DeclareOpeningHoldings): OpeningHoldingsDeclared[] {
  const figures = requireCategoryFigures(command.categories, 'categories', true);
  const current = state.get(command.asOf);
  if (current && sameFigures(current, figures)) return [];
  return [{ type: 'OpeningHoldingsDeclared', data: { asOf: command.asOf, ...figuresPayload(figures) } }];
}

/** Takes back the declaration of one date; a date with none is a 404. */
export function decideWithdrawOpeningHoldings(state: OpeningHoldingsState, asOf: string): OpeningHoldingsWithdrawn[] {
  const current = state.get(asOf);
  if (!current) {
    throw new NotFoundError('ASSET.DECLARATION_NOT_FOUND', `No opening holdings are declared as of ${asOf}`, 'date', { asOf });
  }
  const total = totalOf(current);
  return [{ type: 'OpeningHoldingsWithdrawn', data: { asOf, total: { count: Number(total.count), value: formatYuan(total.value) } } }];
}

export function evolveOpeningHoldings(state: OpeningHoldingsState, event: OpeningHoldingsEvent): OpeningHoldingsState {
  const next = new Map(state);
  if (event.type === 'OpeningHoldingsDeclared') next.set(event.data.asOf, figuresFromPayload(event.data.categories));
  else next.delete(event.data.asOf);
  return next;
}

/**
 * One entry per category at most; counts and values ≥ 0; no value without items (a declared
 * value is the original value of items that exist). `withCounts` false for ledger balances,
 * which are values only.
 */
export function requireCategoryFigures(
  rows: readonly CategoryFigureInput[],
  field: string,
  withCounts: boolean,
): Map<AssetCategoryName, Figure> {
  // An empty statement would zero every category: almost surely a mistake, and withdrawing says it plainly.
  if (rows.length === 0) {
    throw new ValidationError(
      'ASSET.DECLARATION_EMPTY',
      `${field} must list at least one category (to take a declaration back, DELETE it)`,
      field,
    );
  }
  const figures = new Map<AssetCategoryName, Figure>();
  rows.forEach((row, i) => {
    if (figures.has(row.category)) {
      throw new ValidationError(
        'ASSET.CATEGORY_REPEATED',
        `${field}.${i}.category ${row.category} appears twice`,
        `${field}.${i}.category`,
      );
    }
    if (row.count < 0n) throw new ValidationError('ASSET.COUNT_INVALID', `${field}.${i}.count must not be negative`, `${field}.${i}.count`);
    if (row.value < 0n)
      throw new ValidationError('MONEY.NEGATIVE', `${field}.${i}.value must not be negative money`, `${field}.${i}.value`);
    if (withCounts && row.count === 0n && row.value > 0n) {
      throw new ValidationError(
        'ASSET.VALUE_WITHOUT_ITEMS',
        `${field}.${i} declares ${formatYuan(row.value)} 元 of ${row.category} but no items`,
        `${field}.${i}.count`,
      );
    }
    figures.set(row.category, { count: row.count, value: row.value });
  });
  return figures;
}

export function sameFigures(a: CategoryFigures, b: CategoryFigures): boolean {
  return ASSET_CATEGORIES.every(({ category }) => {
    const x = a.get(category);
    const y = b.get(category);
    return (x?.count ?? 0n) === (y?.count ?? 0n) && (x?.value ?? 0n) === (y?.value ?? 0n);
  });
}

function figuresPayload(figures: CategoryFigures): Omit<OpeningHoldingsDeclaredData, 'asOf'> {
  const total = totalOf(figures);
  return {
    categories: ASSET_CATEGORIES.map(({ category, code }) => {
      const f = figures.get(category);
      return { category, categoryCode: code, count: Number(f?.count ?? 0n), value: formatYuan(f?.value ?? 0n) };
    }),
    total: { count: Number(total.count), value: formatYuan(total.value) },
  };
}

export function figuresFromPayload(
  rows: ReadonlyArray<{ category: string; count?: number; value: string }>,
): Map<AssetCategoryName, Figure> {
  return new Map(rows.map((r) => [storedCategory(r.category), { count: BigInt(r.count ?? 0), value: yuanToFen(r.value) }]));
}
