import { describe, expect, it } from '@jest/globals';
import { evaluateCrossChecks } from './evaluate.js';
import { fen, purchase, seedInput, seedPurchases } from './testing/cross-check-fixtures.js';

describe('evaluating every rule over a department-year', () => {
  it('the reference budget passes with no finding and every rule evaluated', () => {
    expect(evaluateCrossChecks(seedInput())).toEqual({ status: 'pass', findings: [], notEvaluated: [] });
  });

  it('warnings alone pass; any error fails', () => {
    const fuel = purchase({
      purchaseId: 'fuel-2',
      procurementType: 'services',
      capitalizable: false,
      economicCode: '30231',
      amount: fen('500.00'),
    });
    const warned = evaluateCrossChecks(seedInput({ purchases: [...seedPurchases(), fuel] }));
    expect(warned.status).toBe('pass');
    expect(warned.findings.map((f) => f.severity)).toEqual(['warning']);

    const car = purchase({ purchaseId: 'car', economicCode: '31013', amount: fen('150000.00') });
    expect(evaluateCrossChecks(seedInput({ purchases: [...seedPurchases(), fuel, car] })).status).toBe('fail');
  });

  it('lists findings rule by rule, and the rules it could not apply', () => {
    const car = purchase({ purchaseId: 'car', economicCode: '31013', amount: fen('250000.00') });
    const result = evaluateCrossChecks(seedInput({ purchases: [...seedPurchases(), car], income: null, plannedAssetPurchases: null }));
    expect(result.findings.map((f) => f.rule)).toEqual(['PLANNED_WITHOUT_BUDGET_LINE', 'PROJECT_OVER_BUDGET']);
    expect(result.notEvaluated.map((n) => [n.rule, n.reason])).toEqual([
      ['PLANNED_ASSET_TOTAL_MISMATCH', 'PLANNED_ASSET_PURCHASES_NOT_DECLARED'],
      ['FUNDING_SOURCE_EXCEEDED', 'INCOME_NOT_DECLARED'],
    ]);
  });
});
