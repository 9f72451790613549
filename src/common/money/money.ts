import { ValidationError } from '../errors/domain-error.js';
import { describeInput, formatScaledUnits, readDecimal, toScaledUnits, type DecimalProblem } from './decimal-text.js';
import { divideHalfUp } from './rounding.js';

/**
 * Money is an integer number of fen (分, 0.01 元) held in a bigint: exact, and int8 in the
 * database. The API speaks 元 as decimal strings ("1900.00"); disclosure tables speak 万元
 * with 2 decimals. No float ever holds an amount.
 */
export type Fen = bigint;

export const ZERO_FEN: Fen = 0n;

const FEN_PER_YUAN_DIGITS = 2;
/** 1 万元 = 10 000 元; 0.01 万元 (the tables' last digit) = 100 元 = 10 000 fen. */
const FEN_PER_WAN_YUAN_CENT = 10_000n;
/** 10^15 元 is far beyond any budget yet leaves int8 fen (9.2 × 10^18) ample headroom for sums. */
const MAX_YUAN_INTEGER_DIGITS = 15;
const MAX_WAN_YUAN_INTEGER_DIGITS = MAX_YUAN_INTEGER_DIGITS - 4;

/**
 * Parses an amount in 元 from API input into fen.
 *
 * Strings are the contract: plain decimals with at most 2 decimals ("1900", "1900.5",
 * "1900.50", "0.19"); no sign, exponent, thousands separator, surrounding space or full-width
 * digit. Leading zeros are tolerated. A JSON number is accepted as a convenience only when its
 * shortest printed form is such a decimal with at most 15 significant digits (so it is exactly
 * what the client wrote); otherwise the client is told to send a string.
 *
 * @throws ValidationError MONEY.INVALID | MONEY.NEGATIVE | MONEY.TOO_PRECISE | MONEY.TOO_LARGE, naming `field`
 */
export function parseYuan(value: unknown, field: string): Fen {
  const reading = readDecimal(value, FEN_PER_YUAN_DIGITS, MAX_YUAN_INTEGER_DIGITS);
  if (!reading.ok) throw moneyError(reading.problem, value, field, '元', 2, MAX_YUAN_INTEGER_DIGITS);
  return toScaledUnits(reading.digits, FEN_PER_YUAN_DIGITS);
}

/**
 * Parses an amount in 万元 with at most 2 decimals (a disclosure table cell such as "17.14")
 * into fen. Exact: 0.01 万元 is 100 元.
 */
export function parseWanYuan(value: unknown, field: string): Fen {
  const reading = readDecimal(value, 2, MAX_WAN_YUAN_INTEGER_DIGITS);
  if (!reading.ok) throw moneyError(reading.problem, value, field, '万元', 2, MAX_WAN_YUAN_INTEGER_DIGITS);
  return toScaledUnits(reading.digits, 2) * FEN_PER_WAN_YUAN_CENT;
}

/**
 * Decodes a 元 string this system wrote itself (an event payload, a read-model column):
 * exactly 2 decimals, optionally negative. A malformed value is corrupt data, not bad input,
 * so it throws a plain Error (a 500), never a 400.
 */
export function yuanToFen(text: string): Fen {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text);
  if (!match) throw new Error(`Stored money ${describeInput(text)} is not a 元 amount with 2 decimals`);
  const fen = BigInt(match[2] + match[3]);
  return match[1] === '-' ? -fen : fen;
}

/** Fen as 元 with exactly 2 decimals: 190000n → "1900.00", −190000n → "-1900.00". */
export function formatYuan(fen: Fen): string {
  return formatScaledUnits(fen, FEN_PER_YUAN_DIGITS);
}

/**
 * Fen as 万元 with 2 decimals, as disclosure tables print it, rounded half away from zero at
 * 0.01 万元 (100 元): 17 140 000 fen (171 400 元) → "17.14", 5 000 fen (50 元) → "0.01",
 * −5 000 fen → "-0.01", 4 999 fen → "0.00".
 */
export function formatWanYuan(fen: Fen): string {
  return formatScaledUnits(divideHalfUp(fen, FEN_PER_WAN_YUAN_CENT), 2);
}

export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = ZERO_FEN;
  for (const amount of amounts) total += amount;
  return total;
}

/** −1, 0 or 1, for sorting and comparisons. */
export function compareFen(a: Fen, b: Fen): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

function moneyError(
  problem: DecimalProblem,
  value: unknown,
  field: string,
  unit: string,
  maxScale: number,
  maxIntegerDigits: number,
): ValidationError {
  const got = describeInput(value);
  const details = { received: got };
  switch (problem) {
    case 'missing':
      return new ValidationError('MONEY.INVALID', `${field} is required: an amount in ${unit} such as "1900.00"`, field);
    case 'negative':
      return new ValidationError('MONEY.NEGATIVE', `${field} must not be negative money (got ${got})`, field, details);
    case 'too_precise':
      return new ValidationError(
        'MONEY.TOO_PRECISE',
        `${field} allows at most ${maxScale} decimals in ${unit} (got ${got})`,
        field,
        details,
      );
    case 'too_large':
      return new ValidationError(
        'MONEY.TOO_LARGE',
        `${field} is too large: at most ${maxIntegerDigits} integer digits in ${unit} (got ${got})`,
        field,
        details,
      );
    case 'imprecise_number':
      return new ValidationError(
        'MONEY.INVALID',
        `${field} has more digits than a JSON number holds exactly; send it as a string such as "1900.00"`,
        field,
        details,
      );
    case 'malformed':
      return new ValidationError(
        'MONEY.INVALID',
        `${field} must be an amount in ${unit} written as a plain decimal such as "1900.00" (got ${got})`,
        field,
        details,
      );
  }
}
