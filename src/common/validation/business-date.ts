import { ValidationError } from '../errors/domain-error.js';

/**
 * The one rule for every business date the API takes (acquiredOn, disposedOn, financeEntryDate,
 * signedOn, acceptedOn, a stocktake's asOf, a declaration's date): the register records what has
 * happened, so none may be after `today` — the business day by the database clock
 * (database/business-day.ts). `date` has been checked to be a calendar date YYYY-MM-DD, so the
 * strings compare as dates.
 */
export function requireNotFuture<D extends string | null>(date: D, field: string, today: string): D {
  if (date !== null && date > today) {
    throw new ValidationError('VALIDATION.FUTURE_DATE', `${field} ${date} is in the future (today is ${today})`, field, { date, today });
  }
  return date;
}
