import { describe, expect, it } from '@jest/globals';
import { checkFundingSources } from './funding-sources.rule.js';
import { fen, purchase, seedInput, seedPurchases } from './testing/cross-check-fixtures.js';

describe('rule 5: per funding source, Σ purchases ≤ the income from it', () => {
  it('the reference budget: 171,400.00 of 6,686,400.00 一般公共预算拨款', () => {
    expect(checkFundingSources(seedInput())).toEqual([]);
  });

  it('without declared income the rule is not evaluated (no finding)', () => {
    expect(checkFundingSources(seedInput({ income: null }))).toEqual({
      rule: 'FUNDING_SOURCE_EXCEEDED',
      reason: 'INCOME_NOT_DECLARED',
      message: {
        zh: '未申报各资金来源的收入，无法核对资金来源',
        en: 'The income by funding source is not declared, so funding sources cannot be checked',
      },
    });
  });

  it("purchases above a source's income are FUNDING_SOURCE_EXCEEDED naming the source and its purchases", () => {
    const findings = checkFundingSources(seedInput({ income: { general_budget: fen('171399.99') } }));
    expect(findings).toEqual([
      {
        rule: 'FUNDING_SOURCE_EXCEEDED',
        severity: 'error',
        message: {
          zh: '资金来源 一般公共预算拨款：收入 171399.99 元，计划采购使用 171400.00 元，超出 0.01 元',
          en: 'Funding source general_budget (一般公共预算拨款): income 171399.99 元, planned purchases 171400.00 元, over by 0.01 元',
        },
        amounts: {
          income: '171399.99',
          incomeWan: '17.14',
          planned: '171400.00',
          plannedWan: '17.14',
          difference: '-0.01',
          differenceWan: '0.00',
        },
        refs: {
          purchaseIds: ['fuel', 'insurance', 'printing', 'property', 'repairs', 'shredder'],
          economicCodes: [],
          projectCodes: ['P001', 'P002'],
          fundingSources: ['general_budget'],
        },
      },
    ]);
  });

  it("a source the declared income leaves out is zero; only each purchase's part from the source counts", () => {
    const split = purchase({
      purchaseId: 'split',
      amount: fen('3000.00'),
      funding: { general_budget: fen('1000.00'), unit_funds: fen('2000.00') },
    });
    const findings = checkFundingSources(seedInput({ purchases: [...seedPurchases(), split] }));
    expect(
      Array.isArray(findings) && findings.map((f) => [f.refs.fundingSources, f.refs.purchaseIds, f.amounts.income, f.amounts.planned]),
    ).toEqual([[['unit_funds'], ['split'], '0.00', '2000.00']]);
  });
});
