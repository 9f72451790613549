import { formatYuan, type Fen } from '../../common/money/money.js';
import { ASSET_CATEGORIES, type AssetCategoryName } from './asset-category.js';
import type { CategoryFigures } from './category-figures.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { LedgerBalancesDeclared, LedgerBalancesEvent, LedgerBalancesWithdrawn } from './declarations.events.js';
import { figuresFromPayload, requireCategoryFigures, sameFigures } from './opening-holdings.js';

/*
 * Finance ledger balances (固定资产 account balances by category from the finance system) for a
 * department-year, stream `ledger-<dept>-<year>`: the other side of 账账相符.
 */

export type DeclareLedgerBalances = { year: number; categories: ReadonlyArray<{ category: AssetCategoryName; value: Fen }> };

/** null until balances are declared for the year. */
export type LedgerBalancesState = CategoryFigures | null;
export const NO_LEDGER_BALANCES: LedgerBalancesState = null;

/** Like opening holdings: the whole set for the year, the same set again is no change. */
export function decideLedgerBalances(state: LedgerBalancesState, command: DeclareLedgerBalances): LedgerBalancesDeclared[] {
  const figures = requireCategoryFigures(
    command.categories.map((c) => ({ category: c.category, count: 0n, value: c.value })),
    'categories',
    false,
  );
  if (state && sameFigures(state, figures)) return [];
  let total = 0n;
  const categories = ASSET_CATEGORIES.map(({ category, code }) => {
    const value = figures.get(category)?.value ?? 0n;
    total += value;
    return { category, categoryCode: code, value: formatYuan(value) };
  });
  return [{ type: 'LedgerBalancesDeclared', data: { year: command.year, categories, total: formatYuan(total) } }];
}

/** Takes back the year's balances; a year with none is a 404. */
export function decideWithdrawLedgerBalances(state: LedgerBalancesState, year: number): LedgerBalancesWithdrawn[] {
  if (!state) throw new NotFoundError('ASSET.DECLARATION_NOT_FOUND', `No ledger balances are declared for ${year}`, 'year', { year });
  let total = 0n;
  for (const figure of state.values()) total += figure.value;
  return [{ type: 'LedgerBalancesWithdrawn', data: { year, total: formatYuan(total) } }];
}

export function evolveLedgerBalances(_state: LedgerBalancesState, event: LedgerBalancesEvent): LedgerBalancesState {
  return event.type === 'LedgerBalancesDeclared' ? figuresFromPayload(event.data.categories) : NO_LEDGER_BALANCES;
}
