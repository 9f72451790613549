import { describe, expect, it } from '@jest/globals';
import { checkPlannedAssetTotal } from './planned-asset-total.rule.js';
import { fen, purchase, seedInput, seedPurchases } from './testing/cross-check-fixtures.js';

describe('rule 2: declared planned fixed-asset total = Σ planned capitalizable goods', () => {
  it('the reference budget: 1,900.00 declared, 1,900.00 planned', () => {
    expect(checkPlannedAssetTotal(seedInput())).toEqual([]);
  });

  it('a second 碎纸机 is PLANNED_ASSET_TOTAL_MISMATCH: declared 1,900.00, planned 3,800.00', () => {
    const second = purchase({ purchaseId: 'shredder-2', amount: fen('1900.00') });
    expect(checkPlannedAssetTotal(seedInput({ purchases: [...seedPurchases(), second] }))).toEqual([
      {
        rule: 'PLANNED_ASSET_TOTAL_MISMATCH',
        severity: 'error',
        message: {
          zh: '申报的拟购置固定资产 1900.00 元，计划采购的固定资产合计 3800.00 元，差额 -1900.00 元',
          en: 'Declared planned fixed-asset purchases 1900.00 元, planned fixed-asset purchases total 3800.00 元, difference -1900.00 元',
        },
        amounts: {
          declared: '1900.00',
          declaredWan: '0.19',
          planned: '3800.00',
          plannedWan: '0.38',
          difference: '-1900.00',
          differenceWan: '-0.19',
        },
        refs: { purchaseIds: ['shredder', 'shredder-2'], economicCodes: ['31002'], projectCodes: ['P001'], fundingSources: [] },
      },
    ]);
  });

  it('every capitalizable purchase counts, whatever its line; services and below-threshold goods do not', () => {
    const offLine = purchase({ purchaseId: 'desk', catalogCode: 'A05010101', economicCode: '30299', amount: fen('800.00') });
    const cheap = purchase({ purchaseId: 'stapler', capitalizable: false, amount: fen('300.00') });
    const result = checkPlannedAssetTotal(seedInput({ purchases: [...seedPurchases(), offLine, cheap] }));
    expect(Array.isArray(result) && result.map((f) => [f.amounts.planned, f.refs.purchaseIds, f.refs.economicCodes])).toEqual([
      ['2700.00', ['desk', 'shredder'], ['30299', '31002']],
    ]);
  });

  it('without a declared total the rule is not evaluated', () => {
    expect(checkPlannedAssetTotal(seedInput({ plannedAssetPurchases: null }))).toMatchObject({
      rule: 'PLANNED_ASSET_TOTAL_MISMATCH',
      reason: 'PLANNED_ASSET_PURCHASES_NOT_DECLARED',
    });
  });
});
