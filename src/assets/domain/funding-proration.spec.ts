import { describe, expect, it } from '@jest/globals';
import { fundingTotal } from '../../common/funding/funding.js';
import { prorateFunding, spreadAmount } from './funding-proration.js';

describe('prorateFunding (largest remainder)', () => {
  it('gives a single source the whole value', () => {
    expect(prorateFunding(190_000n, { general_budget: 190_000n })).toEqual({ general_budget: 190_000n });
  });

  it('splits 5,000.00 of a 10,000.00 + 5,000.00 purchase as 3,333.33 + 1,666.67: the leftover fen goes to the larger remainder', () => {
    expect(prorateFunding(500_000n, { general_budget: 1_000_000n, unit_funds: 500_000n })).toEqual({
      general_budget: 333_333n,
      unit_funds: 166_667n,
    });
  });

  it('breaks equal remainders by the disclosure column order', () => {
    // 0.01 元 over three equal sources: each is owed 1/3 fen, the first in column order gets it.
    expect(prorateFunding(1n, { carry_over: 100n, general_budget: 100n, unit_funds: 100n })).toEqual({ general_budget: 1n });
    expect(prorateFunding(2n, { carry_over: 100n, general_budget: 100n, unit_funds: 100n })).toEqual({
      general_budget: 1n,
      unit_funds: 1n,
    });
  });

  it('always sums exactly to the value, whatever the split', () => {
    const funding = { general_budget: 123_457n, gov_fund: 98_765n, fiscal_special_account: 1n, carry_over: 55_555n };
    for (const value of [0n, 1n, 7n, 99_999n, 277_778n, 1_000_003n]) {
      const split = prorateFunding(value, funding);
      expect(fundingTotal(split)).toBe(value);
      for (const part of Object.values(split)) expect(part).toBeGreaterThan(0n);
    }
  });

  it('is deterministic: the same inputs give the same split', () => {
    const funding = { general_budget: 3n, unit_funds: 3n, gov_fund: 3n };
    expect(prorateFunding(100n, funding)).toEqual(prorateFunding(100n, { ...funding }));
    expect(prorateFunding(100n, funding)).toEqual({ general_budget: 34n, gov_fund: 33n, unit_funds: 33n });
  });

  it('refuses a positive value without funding, and a negative value', () => {
    expect(prorateFunding(0n, {})).toEqual({});
    expect(() => prorateFunding(1n, {})).toThrow(RangeError);
    expect(() => prorateFunding(-1n, { general_budget: 1n })).toThrow(RangeError);
  });
});

describe('spreadAmount', () => {
  it('divides evenly when it can', () => {
    expect(spreadAmount(1_500_000n, 3n)).toEqual([500_000n, 500_000n, 500_000n]);
  });

  it('puts the remainder fen on the first cards: 100.00 over 3 is 33.34, 33.33, 33.33', () => {
    expect(spreadAmount(10_000n, 3n)).toEqual([3_334n, 3_333n, 3_333n]);
    expect(spreadAmount(5n, 3n)).toEqual([2n, 2n, 1n]);
    expect(spreadAmount(2n, 3n)).toEqual([1n, 1n, 0n]);
  });

  it('sums to the amount', () => {
    for (const [amount, count] of [
      [999_999n, 7n],
      [1n, 1n],
      [0n, 4n],
    ] as const) {
      expect(spreadAmount(amount, count).reduce((a, b) => a + b, 0n)).toBe(amount);
    }
  });
});
