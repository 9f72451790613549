import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../errors/domain-error.js';
import { compareFen, formatWanYuan, formatYuan, parseWanYuan, parseYuan, sumFen, yuanToFen } from './money.js';

function rejection(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('parseYuan', () => {
  it.each([
    ['1900', 190_000n],
    ['1900.5', 190_050n],
    ['1900.50', 190_050n],
    ['0.19', 19n],
    ['0', 0n],
    ['0.00', 0n],
    ['007.10', 710n],
    ['999999999999999.99', 99_999_999_999_999_999n],
  ])('reads %j as %s fen', (text, fen) => {
    expect(parseYuan(text, 'amount')).toBe(fen);
  });

  it.each([
    [1900, 190_000n],
    [1900.5, 190_050n],
    [0.19, 19n],
    [150000, 15_000_000n],
    [0, 0n],
  ])('reads the JSON number %p exactly as %s fen', (value, fen) => {
    expect(parseYuan(value, 'amount')).toBe(fen);
  });

  it.each([
    ['-1900.00', 'MONEY.NEGATIVE'],
    ['-0', 'MONEY.NEGATIVE'],
    // JSON -0: String(-0) is "0", so only Object.is sees the sign; refused like "-0.00".
    [-0, 'MONEY.NEGATIVE'],
    [-5, 'MONEY.NEGATIVE'],
    ['1900.001', 'MONEY.TOO_PRECISE'],
    ['1900.000', 'MONEY.TOO_PRECISE'],
    [0.1 + 0.2, 'MONEY.TOO_PRECISE'],
    [1e-7, 'MONEY.TOO_PRECISE'],
    ['1000000000000000', 'MONEY.TOO_LARGE'],
    [1e21, 'MONEY.TOO_LARGE'],
    ['', 'MONEY.INVALID'],
    [undefined, 'MONEY.INVALID'],
    [null, 'MONEY.INVALID'],
    ['1e3', 'MONEY.INVALID'],
    ['1,900.00', 'MONEY.INVALID'],
    [' 1900', 'MONEY.INVALID'],
    ['1900.', 'MONEY.INVALID'],
    ['.5', 'MONEY.INVALID'],
    ['+5', 'MONEY.INVALID'],
    ['0x10', 'MONEY.INVALID'],
    ['１９００', 'MONEY.INVALID'],
    ['abc', 'MONEY.INVALID'],
    [Number.NaN, 'MONEY.INVALID'],
    [Number.POSITIVE_INFINITY, 'MONEY.INVALID'],
    [true, 'MONEY.INVALID'],
    [1900n, 'MONEY.INVALID'],
    [{}, 'MONEY.INVALID'],
    [12_345_678_901_234.56, 'MONEY.INVALID'], // 16 significant digits: a double cannot promise them,
  ])('rejects %p with %s naming the field', (value, code) => {
    const error = rejection(() => parseYuan(value, 'funding.general_budget'));
    expect(error.code).toBe(code);
    expect(error.field).toBe('funding.general_budget');
  });

  it('says what is wrong in words a user understands', () => {
    expect(rejection(() => parseYuan('-1', 'unitPrice')).message).toContain('negative money');
    expect(rejection(() => parseYuan('1.234', 'unitPrice')).message).toContain('at most 2 decimals');
  });

  it('never echoes a huge payload back', () => {
    expect(rejection(() => parseYuan('x'.repeat(10_000), 'amount')).message.length).toBeLessThan(200);
  });
});

describe('parseWanYuan', () => {
  it('reads a disclosure cell exactly', () => {
    expect(parseWanYuan('17.14', 'total')).toBe(17_140_000n);
    expect(parseWanYuan('0.19', 'total')).toBe(190_000n);
    expect(parseWanYuan('130', 'total')).toBe(130_000_000n);
  });

  it('rejects a third decimal', () => {
    expect(rejection(() => parseWanYuan('0.195', 'total')).code).toBe('MONEY.TOO_PRECISE');
  });
});

describe('formatYuan', () => {
  it.each([
    [190_000n, '1900.00'],
    [190_050n, '1900.50'],
    [19n, '0.19'],
    [5n, '0.05'],
    [0n, '0.00'],
    [-190_000n, '-1900.00'],
    [-5n, '-0.05'],
  ])('%s fen → %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('round-trips through parseYuan and yuanToFen', () => {
    for (const text of ['0.00', '0.19', '1900.00', '150000.00', '999999999999999.99']) {
      expect(formatYuan(parseYuan(text, 'amount'))).toBe(text);
      expect(yuanToFen(text)).toBe(parseYuan(text, 'amount'));
    }
    expect(yuanToFen('-1900.00')).toBe(-190_000n);
  });
});

describe('yuanToFen', () => {
  it('treats a non-canonical stored value as corrupt data, not input', () => {
    expect(() => yuanToFen('1900')).toThrow(Error);
    expect(() => yuanToFen('1900')).not.toThrow(ValidationError);
  });
});

describe('formatWanYuan', () => {
  it.each([
    [17_140_000n, '17.14'], // 171 400.00 元, the procurement total of the reference disclosure
    [21_160_000n, '21.16'], // 211 600 元
    [190_000n, '0.19'], // 1 900 元
    [15_000_000n, '15.00'],
    [5_000n, '0.01'], // 50 元: exactly half rounds up
    [4_999n, '0.00'],
    [-5_000n, '-0.01'], // half rounds away from zero
    [-4_999n, '0.00'], // no negative zero
    [0n, '0.00'],
  ])('%s fen → %s 万元', (fen, text) => {
    expect(formatWanYuan(fen)).toBe(text);
  });
});

describe('sumFen and compareFen', () => {
  it('sums exactly and compares', () => {
    expect(sumFen([19n, 10n, 18n])).toBe(47n);
    expect(sumFen([])).toBe(0n);
    expect(compareFen(1n, 2n)).toBe(-1);
    expect(compareFen(2n, 2n)).toBe(0);
    expect(compareFen(3n, 2n)).toBe(1);
  });
});
