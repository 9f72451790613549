import { ValidationError } from '../../common/errors/domain-error.js';
import { catalogCodeProblem, normalizeCode } from '../../common/validation/codes.js';

const PATTERN = /^[ABC]\d{8}$/;

/**
 * Level of a well-formed code (1–4), or undefined. The four 2-digit pairs are significant from
 * the left and padded with `00`: a `00` pair may only be followed by `00` pairs, and the first
 * pair is never `00` (that would be the root, which is a bare letter).
 */
export function catalogCodeLevel(code: string): 1 | 2 | 3 | 4 | undefined {
  if (!PATTERN.test(code)) return undefined;
  let level = 0;
  for (let i = 1; i < 9; i += 2) {
    if (code.slice(i, i + 2) === '00') break;
    level++;
  }
  if (level === 0 || code.slice(1 + 2 * level) !== '0'.repeat(8 - 2 * level)) return undefined;
  return level as 1 | 2 | 3 | 4;
}

/**
 * Checks the shape only; whether the code exists is the catalog's call. `field` lets callers name
 * their own input (`items.0.catalogCode`) in the 400.
 */
export function parseCatalogCode(given: unknown, field = 'code'): string {
  const input = normalizeCode(given);
  if (typeof input !== 'string' || !PATTERN.test(input)) {
    const problem = typeof input === 'string' ? catalogCodeProblem(input) : 'is not text';
    throw new ValidationError(
      'CATALOG.MALFORMED_CODE',
      `${field} ${problem ?? 'is malformed'}; a catalog code is A, B or C followed by 8 digits, e.g. A02021301`,
      field,
    );
  }
  if (catalogCodeLevel(input) === undefined) {
    throw new ValidationError(
      'CATALOG.MALFORMED_CODE',
      `${field} ${input} is not a valid catalog code: the 2-digit levels are padded with trailing 00, e.g. A02020000`,
      field,
    );
  }
  return input;
}

/** The code without its padding: A02020000 → A0202. Descendants are exactly the codes starting with it. */
export function significantPrefix(code: string): string {
  const level = catalogCodeLevel(code);
  return level === undefined ? code : code.slice(0, 1 + 2 * level);
}
