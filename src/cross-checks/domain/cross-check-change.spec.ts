import { describe, expect, it } from '@jest/globals';
import { applyCrossCheckChange, decideCrossCheckChange, withoutPurchases } from './cross-check-change.js';
import { evaluateCrossChecks } from './evaluate.js';
import type { Finding } from './finding.js';
import { fen, purchase, seedInput, seedPurchases } from './testing/cross-check-fixtures.js';

const findingsWith = (...extra: ReturnType<typeof purchase>[]) =>
  evaluateCrossChecks(seedInput({ purchases: [...seedPurchases(), ...extra] })).findings;

describe('CrossCheckChanged: only when the set of findings changes', () => {
  const second = purchase({ purchaseId: 'shredder-2', amount: fen('1900.00') });
  const third = purchase({ purchaseId: 'shredder-3', amount: fen('1900.00') });

  it('the same findings again (in any order) are no change', () => {
    const findings = findingsWith(second);
    expect(decideCrossCheckChange(findings, [...findings].reverse())).toEqual([]);
    expect(decideCrossCheckChange([], [])).toEqual([]);
  });

  it('new findings are added, with the status after the change', () => {
    const next = findingsWith(second);
    expect(decideCrossCheckChange([], next)).toEqual([
      { type: 'CrossCheckChanged', data: { status: 'fail', added: next.map(withoutPurchases), resolved: [] } },
    ]);
  });

  it('names no purchase: the change after 1,000 purchases is as large as after 200 (the log grows linearly)', () => {
    const shredders = (n: number) => Array.from({ length: n }, (_, i) => purchase({ purchaseId: `s-${i}`, amount: fen('1900.00') }));
    const size = (n: number) =>
      JSON.stringify(decideCrossCheckChange(findingsWith(...shredders(n - 1)), findingsWith(...shredders(n)))).length;
    expect(findingsWith(...shredders(999))[0].refs.purchaseIds).toHaveLength(1000);
    // Only the digits of the sums differ (in the amounts and both messages of each finding).
    expect(Math.abs(size(1000) - size(200))).toBeLessThanOrEqual(64);
    expect(size(1000)).toBeLessThan(4096);
  });

  it('a changed difference is the old finding resolved and the new one added', () => {
    const before = findingsWith(second);
    const after = findingsWith(second, third);
    const [event] = decideCrossCheckChange(before, after);
    expect(event.data.resolved.map((f) => [f.rule, f.amounts.planned])).toEqual([
      ['AMOUNT_MISMATCH', '3800.00'],
      ['PLANNED_ASSET_TOTAL_MISMATCH', '3800.00'],
    ]);
    expect(event.data.added.map((f) => [f.rule, f.amounts.planned])).toEqual([
      ['AMOUNT_MISMATCH', '5700.00'],
      ['PLANNED_ASSET_TOTAL_MISMATCH', '5700.00'],
    ]);
  });

  it('everything resolved is back to pass; folding the changes gives the current set', () => {
    const states: Finding[][] = [[], findingsWith(second), findingsWith(second, third), findingsWith()];
    let folded: Finding[] = [];
    for (let i = 1; i < states.length; i++) {
      for (const event of decideCrossCheckChange(states[i - 1], states[i])) folded = applyCrossCheckChange(folded, event);
      expect(decideCrossCheckChange(folded, states[i])).toEqual([]);
    }
    expect(folded).toEqual([]);
    expect(decideCrossCheckChange(findingsWith(second), [])[0].data).toMatchObject({ status: 'pass', added: [] });
  });
});
