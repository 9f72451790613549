import { ValidationError } from '../errors/domain-error.js';
import { describeInput, formatScaledUnits, readDecimal, toScaledUnits, type DecimalProblem } from './decimal-text.js';

/** Quantities carry at most 4 decimals (0.0001 of a unit): enough for 年, 批, 吨 and the like. */
const SCALE = 4;
const ONE = 10n ** BigInt(SCALE);
const MAX_INTEGER_DIGITS = 15;

/**
 * An exact decimal quantity of purchase units (个, 辆, 年, 批 …), held as an integer count of
 * 0.0001 units. Immutable. Any sign is representable (a remaining quantity is a difference);
 * `parseQuantity` is what admits only positive input.
 */
export class Quantity {
  static readonly SCALE = SCALE;
  static readonly ZERO = new Quantity(0n);

  private constructor(
    /** Count of 0.0001 units. */
    readonly units: bigint,
  ) {}

  static fromUnits(units: bigint): Quantity {
    return new Quantity(units);
  }

  static fromInteger(whole: bigint | number): Quantity {
    return new Quantity(BigInt(whole) * ONE);
  }

  /**
   * Decodes a quantity string this system wrote itself (an event payload, a read-model
   * column). Corrupt data throws a plain Error (a 500), never a 400.
   */
  static decode(text: string): Quantity {
    const match = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(text);
    if (!match) throw new Error(`Stored quantity ${describeInput(text)} is not a decimal with at most 4 decimals`);
    const units = toScaledUnits({ integer: match[2], fraction: match[3] ?? '' }, SCALE);
    return new Quantity(match[1] === '-' ? -units : units);
  }

  add(other: Quantity): Quantity {
    return new Quantity(this.units + other.units);
  }

  subtract(other: Quantity): Quantity {
    return new Quantity(this.units - other.units);
  }

  compare(other: Quantity): -1 | 0 | 1 {
    return this.units < other.units ? -1 : this.units > other.units ? 1 : 0;
  }

  equals(other: Quantity): boolean {
    return this.units === other.units;
  }

  isPositive(): boolean {
    return this.units > 0n;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  /** Canonical decimal without trailing zeros: "1", "2.5", "0.0001", "-0.5". */
  toString(): string {
    const fixed = formatScaledUnits(this.units, SCALE);
    return fixed.replace(/\.?0+$/, '');
  }

  toJSON(): string {
    return this.toString();
  }
}

/**
 * Parses a quantity from API input: a positive decimal with at most 4 decimals, as a string
 * ("1", "2.5") or a JSON number (3, 2.5) under the same exactness rule as money (the number's
 * shortest printed form, at most 15 significant digits).
 *
 * @throws ValidationError QUANTITY.INVALID | QUANTITY.NOT_POSITIVE | QUANTITY.TOO_PRECISE | QUANTITY.TOO_LARGE, naming `field`
 */
export function parseQuantity(value: unknown, field: string): Quantity {
  const reading = readDecimal(value, SCALE, MAX_INTEGER_DIGITS);
  if (!reading.ok) throw quantityError(reading.problem, value, field);
  const quantity = Quantity.fromUnits(toScaledUnits(reading.digits, SCALE));
  if (!quantity.isPositive()) throw quantityError('negative', value, field);
  return quantity;
}

function quantityError(problem: DecimalProblem, value: unknown, field: string): ValidationError {
  const got = describeInput(value);
  const details = { received: got };
  switch (problem) {
    case 'negative':
      return new ValidationError('QUANTITY.NOT_POSITIVE', `${field} must be greater than 0 (got ${got})`, field, details);
    case 'too_precise':
      return new ValidationError('QUANTITY.TOO_PRECISE', `${field} allows at most ${SCALE} decimals (got ${got})`, field, details);
    case 'too_large':
      return new ValidationError(
        'QUANTITY.TOO_LARGE',
        `${field} is too large: at most ${MAX_INTEGER_DIGITS} integer digits (got ${got})`,
        field,
        details,
      );
    case 'imprecise_number':
      return new ValidationError(
        'QUANTITY.INVALID',
        `${field} has more digits than a JSON number holds exactly; send it as a string such as "2.5"`,
        field,
        details,
      );
    case 'missing':
      return new ValidationError('QUANTITY.INVALID', `${field} is required: a positive decimal such as "1" or "2.5"`, field);
    case 'malformed':
      return new ValidationError(
        'QUANTITY.INVALID',
        `${field} must be a positive decimal such as "1" or "2.5" (got ${got})`,
        field,
        details,
      );
  }
}
