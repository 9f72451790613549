import { z } from 'zod';

/*
 * Building blocks of event payload schemas, the same in every context: money is a 元 string with
 * exactly two decimals (never a float), quantities decimal strings, dates calendar days.
 */

/** 元 with exactly two decimals: "1900.00", "-12.50". */
export const yuan = z.string().regex(/^-?\d+\.\d{2}$/, 'a 元 amount with exactly two decimals');

/** A decimal quantity without trailing zeros: "1", "2.5". */
export const quantity = z.string().regex(/^\d+(\.\d+)?$/, 'a decimal quantity');

/** YYYY-MM-DD */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date')
  .meta({ format: 'date' });

/** Any 8-4-4-4-12 hex id (ids from imports and tests need not be RFC 4122 v4). */
export const id = z.guid();
