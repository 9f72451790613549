import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../../common/errors/domain-error.js';
import { formatYearMonth, lastDayOfMonth, monthIndex, monthOfDate, parseYearMonth } from './year-month.js';

describe('year-month arithmetic', () => {
  it('counts months across a year end: December + 1 is January of the next year', () => {
    expect(formatYearMonth(monthOfDate('2024-12-31') + 1)).toBe('2025-01');
    expect(monthIndex(2025, 1) - monthIndex(2024, 3)).toBe(10);
  });

  it('knows the last day of February in leap and common years', () => {
    expect(lastDayOfMonth(monthIndex(2024, 2))).toBe('2024-02-29');
    expect(lastDayOfMonth(monthIndex(2023, 2))).toBe('2023-02-28');
    expect(lastDayOfMonth(monthIndex(2024, 12))).toBe('2024-12-31');
  });

  it('reads YYYY-MM and refuses anything else, naming the field', () => {
    expect(formatYearMonth(parseYearMonth('2024-06', 'yearMonth'))).toBe('2024-06');
    for (const bad of ['2024-13', '2024-6', '202406', '2024-06-01', 7]) {
      expect(() => parseYearMonth(bad, 'yearMonth')).toThrow(ValidationError);
      try {
        parseYearMonth(bad, 'yearMonth');
      } catch (error) {
        expect((error as ValidationError).field).toBe('yearMonth');
      }
    }
  });
});
