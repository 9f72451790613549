import { ValidationError } from '../../common/errors/domain-error.js';
import { formatYuan, type Fen } from '../../common/money/money.js';
import { Quantity } from '../../common/money/quantity.js';
import { requireNotFuture } from '../../common/validation/business-date.js';
import { isCalendarDate, isUuid } from '../../common/validation/values.js';

const ONE = 10n ** BigInt(Quantity.SCALE);

export const ASSET_TEXT_LIMITS = {
  name: 200,
  source: 50,
  location: 200,
  custodian: 100,
  method: 50,
  reason: 1000,
  note: 1000,
  assetNo: 50,
  brand: 100,
  model: 200,
  usingDepartment: 200,
  voucherNo: 50,
} as const;

export type AssetTextField = keyof typeof ASSET_TEXT_LIMITS;

/** Trimmed, non-empty, bounded; `field` is the path reported (e.g. `unknownItems[2].name`). */
export function requireText(value: unknown, kind: AssetTextField, field: string = kind): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new ValidationError('ASSET.REQUIRED', `${field} is required and must not be blank`, field);
  const limit = ASSET_TEXT_LIMITS[kind];
  if ([...text].length > limit) throw new ValidationError('ASSET.TOO_LONG', `${field} must be at most ${limit} characters`, field);
  return text;
}

/** Absent or null stays null; otherwise the same rules as requireText. */
export function optionalText(value: unknown, kind: AssetTextField, field: string = kind): string | null {
  if (value === undefined || value === null) return null;
  return requireText(value, kind, field);
}

/** A real calendar date written YYYY-MM-DD (no 2024-02-30). */
export function requireDate(value: unknown, field: string): string {
  if (!isCalendarDate(value)) {
    throw new ValidationError('ASSET.INVALID_DATE', `${field} must be a real date written YYYY-MM-DD`, field);
  }
  return value;
}

/** A date that has already come (the register records facts, not plans); `today` is YYYY-MM-DD. */
export function requirePastDate(value: unknown, field: string, today: string): string {
  return requireNotFuture(requireDate(value, field), field, today);
}

/** A business date: always a calendar date, and not after `today` when the caller knows the day (domain specs may not). */
export function businessDate(value: unknown, field: string, today: string | undefined): string {
  return today === undefined ? requireDate(value, field) : requirePastDate(value, field, today);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function requireUuid(value: unknown, field: string): string {
  if (!isUuid(value)) throw new ValidationError('ASSET.INVALID_ID', `${field} must be a UUID`, field);
  return value.toLowerCase();
}

export function requireNonNegativeMoney(amount: Fen, field: string): Fen {
  if (amount < 0n) throw new ValidationError('MONEY.NEGATIVE', `${field} must not be negative money (got ${formatYuan(amount)})`, field);
  return amount;
}

export function isWhole(quantity: Quantity): boolean {
  return quantity.units % ONE === 0n;
}

/** Fixed assets are counted in whole items: a positive integer. */
export function requireWholeQuantity(quantity: Quantity, field: string): bigint {
  if (!quantity.isPositive())
    throw new ValidationError('QUANTITY.NOT_POSITIVE', `${field} must be greater than 0 (got ${quantity})`, field);
  if (!isWhole(quantity)) {
    throw new ValidationError('ASSET.QUANTITY_NOT_WHOLE', `${field} must be a whole number of items (got ${quantity})`, field);
  }
  return quantity.units / ONE;
}

/**
 * A count (number of items) from client input: a non-negative integer, as a JSON number or a
 * string of digits. Disclosure tables count items, never fractions of them.
 */
export function parseCount(value: unknown, field: string): number {
  const ok =
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) || (typeof value === 'string' && /^\d{1,15}$/.test(value));
  if (!ok) throw new ValidationError('ASSET.COUNT_INVALID', `${field} must be a whole number of items, 0 or more`, field);
  return Number(value);
}
