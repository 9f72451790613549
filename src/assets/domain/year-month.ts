import { ValidationError } from '../../common/errors/domain-error.js';

/**
 * A calendar month as one integer, year × 12 + (month − 1), so that "the month after" is + 1 and
 * a span of months is a difference. The database computes the same number from a date
 * (depreciation SQL functions, migration 1764028800017), which is what lets SQL and TypeScript
 * agree card by card.
 */
export type MonthIndex = number;

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const monthIndex = (year: number, month: number): MonthIndex => year * 12 + (month - 1);

/** The month a YYYY-MM-DD date falls in. */
export const monthOfDate = (date: string): MonthIndex => monthIndex(Number(date.slice(0, 4)), Number(date.slice(5, 7)));

export function formatYearMonth(index: MonthIndex): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last calendar day of a month, YYYY-MM-DD (leap years included). */
export function lastDayOfMonth(index: MonthIndex): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${formatYearMonth(index)}-${String(days).padStart(2, '0')}`;
}

/** Client input such as "2024-06" (a path segment); anything else is a 400 naming the field. */
export function parseYearMonth(value: unknown, field: string): MonthIndex {
  const match = typeof value === 'string' ? YEAR_MONTH.exec(value) : null;
  if (!match || Number(match[1]) < 1900) {
    throw new ValidationError('DEPRECIATION.INVALID_MONTH', `${field} must be a month written YYYY-MM, such as 2024-06`, field);
  }
  return monthIndex(Number(match[1]), Number(match[2]));
}
