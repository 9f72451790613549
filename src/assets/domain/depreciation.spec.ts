import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../../common/errors/domain-error.js';
import {
  accumulatedThrough,
  chargeIn,
  depreciationSchedule,
  type DepreciationTerms,
  requireUsefulLife,
  usefulLifeMonthsFor,
} from './depreciation.js';
import { formatYearMonth, monthIndex } from './year-month.js';

const desktop: DepreciationTerms = {
  originalValue: 600_000n,
  usefulLifeMonths: 72,
  acquiredOn: '2024-03-15',
  openingAccumulated: null,
  financeEntryDate: null,
  disposedOn: null,
};
const m = monthIndex;

describe('straight-line monthly depreciation', () => {
  it('a 6,000.00 元 desktop acquired 2024-03-15 is first charged in April 2024, 83.33 元 a month', () => {
    const schedule = depreciationSchedule(desktop);
    expect(formatYearMonth(schedule.start)).toBe('2024-04');
    expect(chargeIn(schedule, m(2024, 3))).toBe(0n);
    expect(chargeIn(schedule, m(2024, 4))).toBe(8_333n);
    expect(chargeIn(schedule, m(2025, 1))).toBe(8_333n);
  });

  it('places the remainder in the last month of the life: net 0 after 72 months, never negative', () => {
    const schedule = depreciationSchedule(desktop);
    const charges = Array.from({ length: 100 }, (_, i) => chargeIn(schedule, m(2024, 4) + i));
    expect(charges.slice(0, 71).every((c) => c === 8_333n)).toBe(true);
    // 600 000 − 71 × 8 333 = 8 357 fen: the 72nd month, March 2030.
    expect(charges[71]).toBe(8_357n);
    expect(formatYearMonth(m(2024, 4) + 71)).toBe('2030-03');
    expect(charges.slice(72).every((c) => c === 0n)).toBe(true);
    expect(charges.reduce((a, b) => a + b, 0n)).toBe(600_000n);
    expect(accumulatedThrough(schedule, m(2030, 3))).toBe(600_000n);
    expect(accumulatedThrough(schedule, m(2040, 1))).toBe(600_000n);
  });

  it('land and books are never depreciated', () => {
    // The guide's table has no life for them: useful-lives.ts gives null, and so does the card.
    const land = depreciationSchedule({ ...desktop, usefulLifeMonths: usefulLifeMonthsFor({ quantity: 1n, originalValue: 9n }, null) });
    expect(land.months).toBe(0);
    expect(accumulatedThrough(land, m(2060, 1))).toBe(0n);
  });

  it('a card at nominal value (1 元 an item) is not depreciated', () => {
    expect(usefulLifeMonthsFor({ quantity: 3n, originalValue: 300n }, 60)).toBeNull();
    expect(usefulLifeMonthsFor({ quantity: 3n, originalValue: 301n }, 60)).toBe(60);
    expect(usefulLifeMonthsFor({ quantity: 1n, originalValue: 600_000n, usefulLifeMonths: 96 }, 72)).toBe(96);
  });

  it('disposal stops the charge in the month of disposal', () => {
    const schedule = depreciationSchedule({ ...desktop, disposedOn: '2024-07-02' });
    expect(chargeIn(schedule, m(2024, 6))).toBe(8_333n);
    expect(chargeIn(schedule, m(2024, 7))).toBe(0n);
    expect(accumulatedThrough(schedule, m(2030, 12))).toBe(3n * 8_333n);
  });

  it('a migrated card continues from the month after its finance entry date over the remaining life', () => {
    // Acquired 2020-01, life 72; the old register charged 2020-02..2023-12 (47 months) and entered it 2023-12-20.
    const schedule = depreciationSchedule({
      ...desktop,
      acquiredOn: '2020-01-10',
      financeEntryDate: '2023-12-20',
      openingAccumulated: 391_651n,
    });
    expect(formatYearMonth(schedule.start)).toBe('2024-01');
    expect(schedule.months).toBe(72 - 47);
    expect(accumulatedThrough(schedule, m(2023, 12))).toBe(391_651n);
    const charges = Array.from({ length: 30 }, (_, i) => chargeIn(schedule, m(2024, 1) + i));
    expect(charges[0]).toBe((600_000n - 391_651n) / 25n);
    expect(charges.reduce((a, b) => a + b, 0n)).toBe(600_000n - 391_651n);
    expect(accumulatedThrough(schedule, m(2030, 1))).toBe(600_000n);
  });

  it('a migrated card already past its life takes its remaining net value in the month after', () => {
    const schedule = depreciationSchedule({
      ...desktop,
      acquiredOn: '2010-01-10',
      financeEntryDate: '2023-12-20',
      openingAccumulated: 590_000n,
    });
    expect(chargeIn(schedule, m(2024, 1))).toBe(10_000n);
    expect(chargeIn(schedule, m(2024, 2))).toBe(0n);
  });

  it('a card may set a longer life, never a shorter one than its class minimum', () => {
    expect(requireUsefulLife(96, 72, 'A02010105')).toBe(96);
    const error = (() => {
      try {
        requireUsefulLife(60, 72, 'A02010105');
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.code).toBe('ASSET.USEFUL_LIFE_TOO_SHORT');
    expect(error?.field).toBe('usefulLifeMonths');
    expect(() => requireUsefulLife(12.5, 72, 'A02010105')).toThrow(ValidationError);
    expect(() => requireUsefulLife(120, null, 'A01030000')).toThrow(ValidationError);
  });
});
