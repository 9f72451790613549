import { describe, expect, it } from '@jest/globals';
import { checkCapitalExpenditure } from './capital-expenditure.rule.js';
import { fen, line, purchase, seedInput, seedPurchases, SEED_302_LINES } from './testing/cross-check-fixtures.js';

describe('rule 1: capital expenditure (310xx lines vs planned fixed-asset purchases)', () => {
  it('the reference budget is consistent: 31002 = 1,900.00 = the 碎纸机, 310 = 31002', () => {
    expect(checkCapitalExpenditure(seedInput())).toEqual([]);
  });

  it('a second 碎纸机 is an AMOUNT_MISMATCH on 31002: budget 1,900.00, planned 3,800.00, difference −1,900.00', () => {
    const second = purchase({ purchaseId: 'shredder-2', amount: fen('1900.00') });
    const findings = checkCapitalExpenditure(seedInput({ purchases: [...seedPurchases(), second] }));
    expect(findings).toEqual([
      {
        rule: 'AMOUNT_MISMATCH',
        severity: 'error',
        message: {
          zh: '预算科目 31002 办公设备购置：预算 1900.00 元，计划采购固定资产 3800.00 元，差额 -1900.00 元',
          en: 'Budget line 31002 办公设备购置: budget 1900.00 元, planned fixed-asset purchases 3800.00 元, difference -1900.00 元',
        },
        amounts: {
          budget: '1900.00',
          budgetWan: '0.19',
          planned: '3800.00',
          plannedWan: '0.38',
          difference: '-1900.00',
          differenceWan: '-0.19',
        },
        refs: { purchaseIds: ['shredder', 'shredder-2'], economicCodes: ['31002'], projectCodes: ['P001'], fundingSources: [] },
      },
    ]);
  });

  it('a car (A02030501 轿车 → 31013) without a 31013 line is PLANNED_WITHOUT_BUDGET_LINE naming the line and the purchase', () => {
    const car = purchase({ purchaseId: 'car', catalogCode: 'A02030501', economicCode: '31013', amount: fen('150000.00') });
    const findings = checkCapitalExpenditure(seedInput({ purchases: [...seedPurchases(), car] }));
    expect(findings).toEqual([
      {
        rule: 'PLANNED_WITHOUT_BUDGET_LINE',
        severity: 'error',
        message: {
          zh: '计划采购的固定资产 150000.00 元（1 项）归入 31013 公务用车购置，但预算中没有该科目',
          en: '1 planned fixed-asset purchase(s) of 150000.00 元 belong to 31013 公务用车购置, which the budget does not have',
        },
        amounts: { planned: '150000.00', plannedWan: '15.00' },
        refs: { purchaseIds: ['car'], economicCodes: ['31013'], projectCodes: ['P001'], fundingSources: [] },
      },
    ]);
  });

  it('a 31003 line with no 专用设备 purchase is BUDGET_LINE_WITHOUT_PLANNED_PURCHASE, and 310 no longer adds up', () => {
    const input = seedInput();
    const findings = checkCapitalExpenditure({ ...input, lines: [...input.lines, line('31003', '专用设备购置', '5000.00')] });
    expect(findings.map((f) => [f.rule, f.refs.economicCodes, f.amounts])).toEqual([
      ['BUDGET_LINE_WITHOUT_PLANNED_PURCHASE', ['31003'], { budget: '5000.00', budgetWan: '0.50' }],
      [
        'PARENT_TOTAL_MISMATCH',
        ['310', '31002', '31003'],
        { parent: '1900.00', parentWan: '0.19', children: '6900.00', childrenWan: '0.69', difference: '-5000.00', differenceWan: '-0.50' },
      ],
    ]);
  });

  it('a line of zero with nothing planned on it is consistent', () => {
    const input = seedInput();
    expect(checkCapitalExpenditure({ ...input, lines: [...input.lines, line('31003', '专用设备购置', '0.00')] })).toEqual([]);
  });

  it('only capitalizable goods count: a below-threshold item on 31002 and services are left out', () => {
    const cheap = purchase({ purchaseId: 'stapler', catalogCode: 'A02021101', capitalizable: false, amount: fen('300.00') });
    expect(checkCapitalExpenditure(seedInput({ purchases: [...seedPurchases(), cheap] }))).toEqual([]);
  });

  it('an explicit economic line moves the purchase to that line', () => {
    const moved = purchase({ purchaseId: 'moved', economicCode: '31003', amount: fen('1900.00') });
    const input = seedInput({ purchases: [...seedPurchases().filter((p) => p.purchaseId !== 'shredder'), moved] });
    expect(checkCapitalExpenditure(input).map((f) => [f.rule, f.refs.economicCodes])).toEqual([
      ['BUDGET_LINE_WITHOUT_PLANNED_PURCHASE', ['31002']],
      ['PLANNED_WITHOUT_BUDGET_LINE', ['31003']],
    ]);
  });

  it('the parent line is never a budget for its children, nor added to them', () => {
    // 310 alone: the 碎纸机 has no 31002 line, and 310 ≠ Σ children (none).
    const findings = checkCapitalExpenditure(seedInput({ lines: [...SEED_302_LINES, line('310', '资本性支出', '1900.00')] }));
    expect(findings.map((f) => [f.rule, f.amounts])).toEqual([
      ['PLANNED_WITHOUT_BUDGET_LINE', { planned: '1900.00', plannedWan: '0.19' }],
      [
        'PARENT_TOTAL_MISMATCH',
        { parent: '1900.00', parentWan: '0.19', children: '0.00', childrenWan: '0.00', difference: '1900.00', differenceWan: '0.19' },
      ],
    ]);
  });

  it('without a 310 line there is no parent check', () => {
    expect(checkCapitalExpenditure(seedInput({ lines: [line('31002', '办公设备购置', '1900.00')] }))).toEqual([]);
  });
});
