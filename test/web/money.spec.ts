import { describe, expect, it } from '@jest/globals';
import { fenToYuan, formatWan, formatYuan, isYuan, lineAmount, sumYuan, yuanToFen } from '../../web/src/format/money.js';

describe('the console’s money formatting (元 with separators, 万元 as the disclosure tables print them)', () => {
  it('reads 元 strings as integer fen, never through a float', () => {
    expect(yuanToFen('1900.00')).toBe(190000n);
    expect(yuanToFen('0.1')).toBe(10n);
    expect(yuanToFen('1,900.5')).toBe(190050n);
    expect(yuanToFen('-0.01')).toBe(-1n);
    // 2^53 + 1 fen: a float would lose the last fen.
    expect(yuanToFen('90071992547409.93')).toBe(9007199254740993n);
    for (const bad of ['', '1.234', '1e3', 'abc', '1.', '.5', '--1']) expect(() => yuanToFen(bad)).toThrow();
    expect([isYuan('12.30'), isYuan('12.345')]).toEqual([true, false]);
  });

  it('prints 元 with thousands separators and two decimals', () => {
    expect(formatYuan('171400.00')).toBe('171,400.00');
    expect(formatYuan('1900')).toBe('1,900.00');
    expect(formatYuan('999.99')).toBe('999.99');
    expect(formatYuan(-123456789n)).toBe('-1,234,567.89');
    expect(formatYuan('0.00')).toBe('0.00');
    expect(formatYuan(null)).toBe('—');
    expect(fenToYuan(-5n)).toBe('-0.05');
  });

  it('prints 万元 with two decimals, rounded half away from zero, as in the 731/2024 disclosure', () => {
    expect(formatWan('1900.00')).toBe('0.19');
    expect(formatWan('171400.00')).toBe('17.14');
    expect(formatWan('211600.00')).toBe('21.16');
    expect(formatWan('1300000.00')).toBe('130.00');
    expect(formatWan('12345678.00')).toBe('1,234.57');
    expect(formatWan('49.99')).toBe('0.00');
    expect(formatWan('50.00')).toBe('0.01');
    expect(formatWan('-50.00')).toBe('-0.01');
    expect(formatWan('-49.99')).toBe('0.00');
    expect(formatWan('-1900.00')).toBe('-0.19');
    expect(formatWan(undefined)).toBe('—');
  });

  it('sums 元 exactly and computes quantity × unit price rounded half-up to the fen, as the API checks it', () => {
    expect(sumYuan(['0.10', '0.20', null, '1900.00'])).toBe('1900.30');
    expect(sumYuan([])).toBe('0.00');
    expect(lineAmount('1', '1900.00')).toBe('1900.00');
    expect(lineAmount('3', '0.10')).toBe('0.30');
    expect(lineAmount('1.5', '0.03')).toBe('0.05'); // 0.045 → 0.05
    expect(lineAmount('0.333', '10.00')).toBe('3.33');
    expect(lineAmount('', '10.00')).toBeNull();
    expect(lineAmount('2', '1.234')).toBeNull();
  });
});
