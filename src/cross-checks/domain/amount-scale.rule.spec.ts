import { describe, expect, it } from '@jest/globals';
import { checkAmountScale } from './amount-scale.rule.js';
import { evaluateCrossChecks } from './evaluate.js';
import { fen, line, purchase, seedInput, seedPurchases } from './testing/cross-check-fixtures.js';

describe('AMOUNT_SCALE_SUSPECT (warning): amounts that look typed in 万元', () => {
  it('the reference budget, all in 元, has none', () => {
    expect(checkAmountScale(seedInput())).toEqual([]);
  });

  it('a shredder at unitPrice 0.19 is flagged with both texts, and the checks still pass', () => {
    const shredder = purchase({ purchaseId: 'shredder', unitPrice: fen('0.19'), amount: fen('0.19') });
    const input = seedInput({ purchases: [...seedPurchases(), shredder] });
    const findings = checkAmountScale(input);
    expect(findings).toEqual([
      {
        rule: 'AMOUNT_SCALE_SUSPECT',
        severity: 'warning',
        message: {
          zh: '采购 A02021301 单价 0.19 元：金额以元为单位；0.19 万元应为 1900.00 元',
          en: 'Purchase of A02021301: unit price 0.19 元: amounts are in 元; 0.19 万元 would be 1900.00',
        },
        amounts: { amount: '0.19', amountWan: '0.00' },
        refs: { purchaseIds: ['shredder'], economicCodes: [], projectCodes: ['P001'], fundingSources: [] },
      },
    ]);
    expect(evaluateCrossChecks(input).findings.map((f) => f.rule)).toContain('AMOUNT_SCALE_SUSPECT');
  });

  it('a budget line of 0.19 and a project budget of 21.16 are flagged; whole small amounts and services are not', () => {
    const input = seedInput({
      lines: [line('31002', '办公设备购置', '0.19'), line('30201', '办公费', '50.00')],
      projects: [{ projectCode: 'P009', name: '小项目', budget: fen('21.16') }],
      purchases: [purchase({ procurementType: 'services', capitalizable: false, unitPrice: fen('0.50'), amount: fen('0.50') })],
    });
    expect(checkAmountScale(input).map((f) => [f.refs.economicCodes, f.refs.projectCodes, f.amounts.amount])).toEqual([
      [[], ['P009'], '21.16'],
      [['31002'], [], '0.19'],
    ]);
  });
});
