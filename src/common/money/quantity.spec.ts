import { describe, expect, it } from '@jest/globals';
import { ValidationError } from '../errors/domain-error.js';
import { lineAmount } from './line-amount.js';
import { parseQuantity, Quantity } from './quantity.js';

describe('parseQuantity', () => {
  it.each([
    ['1', 10_000n, '1'],
    [3, 30_000n, '3'],
    ['2.5', 25_000n, '2.5'],
    [2.5, 25_000n, '2.5'],
    ['2.5000', 25_000n, '2.5'],
    ['0.0001', 1n, '0.0001'],
    ['100', 1_000_000n, '100'],
  ])('reads %p exactly', (value, units, canonical) => {
    const quantity = parseQuantity(value, 'quantity');
    expect(quantity.units).toBe(units);
    expect(quantity.toString()).toBe(canonical);
    expect(JSON.stringify({ quantity })).toBe(`{"quantity":"${canonical}"}`);
  });

  it.each([
    ['0', 'QUANTITY.NOT_POSITIVE'],
    [0, 'QUANTITY.NOT_POSITIVE'],
    ['0.0000', 'QUANTITY.NOT_POSITIVE'],
    ['-1', 'QUANTITY.NOT_POSITIVE'],
    [-2.5, 'QUANTITY.NOT_POSITIVE'],
    ['1.00001', 'QUANTITY.TOO_PRECISE'],
    ['1000000000000000', 'QUANTITY.TOO_LARGE'],
    ['', 'QUANTITY.INVALID'],
    [undefined, 'QUANTITY.INVALID'],
    ['one', 'QUANTITY.INVALID'],
    ['1e2', 'QUANTITY.INVALID'],
    [Number.NaN, 'QUANTITY.INVALID'],
  ])('rejects %p with %s naming the field', (value, code) => {
    expect.assertions(3);
    try {
      parseQuantity(value, 'quantity');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).code).toBe(code);
      expect((error as ValidationError).field).toBe('quantity');
    }
  });
});

describe('Quantity arithmetic', () => {
  it('adds, subtracts and compares exactly', () => {
    const a = Quantity.decode('0.1');
    const b = Quantity.decode('0.2');
    expect(a.add(b).equals(Quantity.decode('0.3'))).toBe(true);
    expect(a.subtract(b).toString()).toBe('-0.1');
    expect(a.compare(b)).toBe(-1);
    expect(b.compare(a)).toBe(1);
    expect(a.compare(Quantity.fromUnits(1000n))).toBe(0);
    expect(Quantity.fromInteger(3).toString()).toBe('3');
    expect(Quantity.ZERO.isZero()).toBe(true);
    expect(Quantity.decode('10').toString()).toBe('10');
    expect(Quantity.decode('10.50').toString()).toBe('10.5');
  });

  it('treats a malformed stored quantity as corrupt data', () => {
    expect(() => Quantity.decode('1.23456')).toThrow(Error);
    expect(() => Quantity.decode('abc')).not.toThrow(ValidationError);
  });
});

describe('lineAmount', () => {
  it.each([
    ['1', 190_000n, 190_000n], // 碎纸机 1 × 1900.00
    ['1', 15_000_000n, 15_000_000n], // 物业管理服务 1 × 150000.00
    ['3', 333n, 999n],
    ['2.5', 33n, 83n], // 0.825 元: exactly half a fen rounds up
    ['2.5', 31n, 78n], // 0.775 元 → 0.78
    ['0.3333', 100n, 33n], // 0.3333 元 → 0.33
    ['0.0001', 4_999n, 0n], // 0.004999 元 → 0.00
    ['0.0001', 5_000n, 1n], // 0.005 元 → 0.01
  ])('%s × %s fen = %s fen, half-up to the fen', (quantity, unitPrice, expected) => {
    expect(lineAmount(Quantity.decode(quantity), unitPrice)).toBe(expected);
  });
});
