/**
 * Reads an exact decimal out of API input without ever going through a float: strings are
 * taken digit by digit; a JS number is accepted only through its shortest printed form, and
 * only when that form has at most 15 significant digits, the precision every double is
 * guaranteed to round-trip (DBL_DIG), so what we read is what the client wrote in its JSON.
 */
export interface DecimalDigits {
  /** Integer digits without leading zeros; "0" for a zero integer part. */
  integer: string;
  /** Fraction digits as written (trailing zeros kept; the scale check is on the text). */
  fraction: string;
}

export type DecimalProblem = 'missing' | 'malformed' | 'negative' | 'too_precise' | 'too_large' | 'imprecise_number';

export type DecimalReading = { ok: true; digits: DecimalDigits } | { ok: false; problem: DecimalProblem };

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const DOUBLE_EXACT_DIGITS = 15;

export function readDecimal(value: unknown, maxScale: number, maxIntegerDigits: number): DecimalReading {
  if (value === undefined || value === null || value === '') return { ok: false, problem: 'missing' };
  let text: string;
  if (typeof value === 'string') {
    text = value;
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, problem: 'malformed' };
    // JSON `-0` parses to a negative zero that String() prints as "0": refused like "-0.00".
    if (Object.is(value, -0)) return { ok: false, problem: 'negative' };
    text = String(value);
    // String() switches to exponent form below 1e-6 and from 1e21 on.
    if (/e/i.test(text)) {
      if (value < 0) return { ok: false, problem: 'negative' };
      return { ok: false, problem: Math.abs(value) >= 1 ? 'too_large' : 'too_precise' };
    }
  } else {
    return { ok: false, problem: 'malformed' };
  }

  const match = PLAIN_DECIMAL.exec(text);
  if (!match) return { ok: false, problem: 'malformed' };
  const [, sign, integerRaw, fraction = ''] = match;
  const integer = integerRaw.replace(/^0+(?=\d)/, '');
  if (sign === '-') return { ok: false, problem: 'negative' };
  if (fraction.length > maxScale) return { ok: false, problem: 'too_precise' };
  if (integer.length > maxIntegerDigits) return { ok: false, problem: 'too_large' };
  if (typeof value === 'number') {
    const significant = (integer + fraction).replace(/^0+/, '').length;
    if (significant > DOUBLE_EXACT_DIGITS) return { ok: false, problem: 'imprecise_number' };
  }
  return { ok: true, digits: { integer, fraction } };
}

/** The decimal as an integer count of 10^-scale units. */
export function toScaledUnits(digits: DecimalDigits, scale: number): bigint {
  return BigInt(digits.integer + digits.fraction.padEnd(scale, '0'));
}

/** Formats a count of 10^-scale units as a plain decimal with exactly `scale` decimals. */
export function formatScaledUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${integer}${scale > 0 ? `.${fraction}` : ''}`;
}

/** Shortens what a client sent for an error message; never echoes a whole payload. */
export function describeInput(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : typeof value === 'bigint' ? `${value}n` : String(value);
  } catch {
    text = typeof value;
  }
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
