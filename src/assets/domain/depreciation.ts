import { ValidationError } from '../../common/errors/domain-error.js';
import type { Fen } from '../../common/money/money.js';
import { type MonthIndex, monthOfDate } from './year-month.js';

/*
 * Straight-line monthly depreciation (政府会计准则第3号, 财会〔2017〕4号), no residual value, in fen.
 *
 * A card's accumulated depreciation through a month is a closed-form function of the card, so
 * nothing is written per card when a month is posted: posting sums this function over the
 * department's cards in one SQL query (depreciation_through, migration 1764028800170, the same
 * arithmetic), and a card's figures are computed when it is read. Change one, change the other;
 * test/integration/depreciation-sql.spec.ts compares them card by card.
 */

/** What of a card its depreciation depends on. */
export type DepreciationTerms = {
  originalValue: Fen;
  /** Effective life; null: not depreciated (see usefulLifeMonthsFor). */
  usefulLifeMonths: number | null;
  acquiredOn: string;
  /** 累计折旧 carried over from a migrated register, as of financeEntryDate; null for other cards. */
  openingAccumulated: Fen | null;
  financeEntryDate: string | null;
  disposedOn: string | null;
};

/** The months a card is charged in and what they spread. */
export type DepreciationSchedule = {
  /** 累计折旧 before the first charged month (a migrated card's opening figure, else 0). */
  opening: Fen;
  /** What the charges spread: original value, or a migrated card's net value at migration. */
  base: Fen;
  /** How many months it is spread over; 0: never charged. */
  months: number;
  /** The first charged month. */
  start: MonthIndex;
  /** The last month a charge may fall in (the month before disposal), or null while held. */
  end: MonthIndex | null;
};

/**
 * The one place the start rule lives: a card starts depreciating in the month after the one it
 * was acquired (put into use) in, the contract. The application guide instead says
 * 当月增加的固定资产，当月开始计提折旧 (from the month of acquisition); following it means
 * returning `acquired` here and `acq` in depreciation_start() in the migration, nothing else.
 */
export const firstChargedMonth = (acquired: MonthIndex): MonthIndex => acquired + 1;

export function depreciationSchedule(terms: DepreciationTerms): DepreciationSchedule {
  const acquired = monthOfDate(terms.acquiredOn);
  const opening = terms.openingAccumulated ?? 0n;
  // A migrated card's old register charged it through the month of its finance entry (never before acquisition).
  const openedAt = terms.openingAccumulated === null ? null : Math.max(acquired, monthOfDate(terms.financeEntryDate ?? terms.acquiredOn));
  const start = openedAt === null ? firstChargedMonth(acquired) : openedAt + 1;
  const end = terms.disposedOn === null ? null : monthOfDate(terms.disposedOn) - 1;
  if (terms.usefulLifeMonths === null) return { opening, base: 0n, months: 0, start, end };
  // The remaining net value over the remaining life; a card past its life ends in one month.
  const elapsed = openedAt === null ? 0 : openedAt - acquired;
  const months = Math.max(1, terms.usefulLifeMonths - elapsed);
  const base = terms.originalValue > opening ? terms.originalValue - opening : 0n;
  return { opening, base, months, start, end };
}

/**
 * 累计折旧 through `month` (inclusive). Each of the first months − 1 charged months takes
 * floor(base / months) fen; the last month of the life takes the remainder as well, so the
 * charges sum to exactly the base and the net value ends at 0, never below. A disposed card
 * is not charged in the month of its disposal or after.
 */
export function accumulatedThrough(schedule: DepreciationSchedule, month: MonthIndex): Fen {
  const last = schedule.end === null ? month : Math.min(month, schedule.end);
  const charged = last - schedule.start + 1;
  if (schedule.months === 0 || charged <= 0) return schedule.opening;
  if (charged >= schedule.months) return schedule.opening + schedule.base;
  return schedule.opening + BigInt(charged) * (schedule.base / BigInt(schedule.months));
}

/** The charge of one month (本月计提折旧). */
export const chargeIn = (schedule: DepreciationSchedule, month: MonthIndex): Fen =>
  accumulatedThrough(schedule, month) - accumulatedThrough(schedule, month - 1);

/**
 * A card's life: its own when it set one, else the guide's minimum for its class (`minimum`, from
 * src/assets/data/useful-lives.ts); null when the class is not depreciated or the card is
 * recorded at nominal value (以名义金额计量: 1 元 an item, 准则第3号 第十二条), whose 1 元 is a
 * memorandum figure, not a cost to spread.
 */
export function usefulLifeMonthsFor(
  card: { quantity: bigint; originalValue: Fen; usefulLifeMonths?: number | null },
  minimum: number | null,
): number | null {
  if (minimum === null || card.originalValue === card.quantity * NOMINAL_FEN_PER_ITEM) return null;
  return card.usefulLifeMonths ?? minimum;
}

export const NOMINAL_FEN_PER_ITEM = 100n;

/**
 * A life a card sets: whole months, at least the guide's minimum for its class (400 naming the
 * field); `minimum` null: the class is not depreciated, so no life can be set.
 */
export function requireUsefulLife(value: unknown, minimum: number | null, catalogCode: string, field = 'usefulLifeMonths'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 1200) {
    throw new ValidationError('ASSET.USEFUL_LIFE_INVALID', `${field} must be a whole number of months between 1 and 1200`, field);
  }
  if (minimum === null) {
    throw new ValidationError('ASSET.NOT_DEPRECIATED', `${field} cannot be set: catalog code ${catalogCode} is not depreciated`, field);
  }
  if (value < minimum) {
    throw new ValidationError(
      'ASSET.USEFUL_LIFE_TOO_SHORT',
      `${field} must be at least ${minimum} months, the minimum life of catalog code ${catalogCode} under 财会〔2017〕4号 (got ${value})`,
      field,
      { minimum },
    );
  }
  return value;
}
