import { ConflictError, NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import { formatYuan, type Fen } from '../../common/money/money.js';
import { ASSET_CATEGORIES, type AssetCategoryName } from './asset-category.js';
import type { DepreciationEvent, DepreciationPostedData } from './depreciation.events.js';
import { formatYearMonth, type MonthIndex } from './year-month.js';

/** The posted months of a department, oldest first: always a run of consecutive months. */
export type DepreciationPostings = { readonly months: ReadonlyArray<{ month: MonthIndex; contentHash: string; charge: string }> };

export const NO_POSTINGS: DepreciationPostings = { months: [] };

const monthOf = (yearMonth: string): MonthIndex => Number(yearMonth.slice(0, 4)) * 12 + Number(yearMonth.slice(5, 7)) - 1;

export function evolveDepreciation(state: DepreciationPostings, event: DepreciationEvent): DepreciationPostings {
  switch (event.type) {
    case 'DepreciationPosted':
      return {
        months: [
          ...state.months,
          { month: monthOf(event.data.yearMonth), contentHash: event.data.contentHash, charge: event.data.total.charge },
        ],
      };
    case 'DepreciationReversed':
      return { months: state.months.slice(0, -1) };
  }
}

export const lastPosted = (state: DepreciationPostings): MonthIndex | null => state.months.at(-1)?.month ?? null;

export type PostingFacts = {
  /** The current month (China time): a month still to come cannot be posted. */
  currentMonth: MonthIndex;
  /** The first month any card of the department is charged in; null without such a card. Asked only of a department with no posting. */
  firstChargedMonth: () => Promise<MonthIndex | null>;
};

/**
 * Whether `month` is to be posted now: false when it is already posted (idempotent: no event).
 * Months post in order without gaps; a department's first posted month may not skip a month in
 * which one of its cards is charged, or those charges would never be in any month's total.
 */
export async function shouldPost(state: DepreciationPostings, month: MonthIndex, facts: PostingFacts): Promise<boolean> {
  if (month > facts.currentMonth) {
    throw new ValidationError(
      'DEPRECIATION.MONTH_NOT_REACHED',
      `yearMonth ${formatYearMonth(month)} has not begun (the current month is ${formatYearMonth(facts.currentMonth)})`,
      'yearMonth',
    );
  }
  const last = lastPosted(state);
  if (last !== null) {
    const first = state.months[0].month;
    if (month >= first && month <= last) return false;
    if (month !== last + 1) throw gap(month, last + 1);
    return true;
  }
  const firstCharged = await facts.firstChargedMonth();
  if (firstCharged !== null && month > firstCharged) throw gap(month, firstCharged);
  return true;
}

function gap(month: MonthIndex, firstUnposted: MonthIndex): ConflictError {
  const name = formatYearMonth(firstUnposted);
  return new ConflictError(
    'DEPRECIATION.MONTH_NOT_IN_ORDER',
    `${formatYearMonth(month)} cannot be posted before ${name}: months post in order and ${name} is the first unposted month`,
    'yearMonth',
    { firstUnposted: name },
  );
}

/** Sums of one category at the end of a month, as the posting query returns them. */
export type CategoryDepreciation = { cards: number; originalValue: Fen; charge: Fen; accumulated: Fen };

/** The event's figures: every category in disclosure order (zeros included), and the total. */
export function postingFigures(
  yearMonth: string,
  sums: ReadonlyMap<AssetCategoryName, CategoryDepreciation>,
): Omit<DepreciationPostedData, 'contentHash'> {
  const zero: CategoryDepreciation = { cards: 0, originalValue: 0n, charge: 0n, accumulated: 0n };
  const view = (s: CategoryDepreciation) => ({
    cards: s.cards,
    originalValue: formatYuan(s.originalValue),
    charge: formatYuan(s.charge),
    accumulatedDepreciation: formatYuan(s.accumulated),
    netValue: formatYuan(s.originalValue - s.accumulated),
  });
  const total = { ...zero };
  const categories = ASSET_CATEGORIES.map(({ category, code }) => {
    const s = sums.get(category) ?? zero;
    total.cards += s.cards;
    total.originalValue += s.originalValue;
    total.charge += s.charge;
    total.accumulated += s.accumulated;
    return { category, categoryCode: code, ...view(s) };
  });
  return { yearMonth, categories, total: view(total) };
}

/** Only the latest posted month can be reversed; `month` must be it. */
export function decideReversal(state: DepreciationPostings, month: MonthIndex): DepreciationEvent[] {
  const latest = state.months.at(-1);
  const name = formatYearMonth(month);
  if (!latest || month < state.months[0].month || month > latest.month) {
    throw new NotFoundError('DEPRECIATION.MONTH_NOT_POSTED', `${name} is not a posted month of this department`, 'yearMonth');
  }
  if (month !== latest.month) {
    throw new ConflictError(
      'DEPRECIATION.NOT_LATEST',
      `Only the latest posted month (${formatYearMonth(latest.month)}) can be reversed, not ${name}`,
      'yearMonth',
      { latest: formatYearMonth(latest.month) },
    );
  }
  return [{ type: 'DepreciationReversed', data: { yearMonth: name, contentHash: latest.contentHash, charge: latest.charge } }];
}
