import { describe, expect, it } from '@jest/globals';
import { checkProjectCeilings } from './project-ceiling.rule.js';
import { fen, purchase, seedInput, seedPurchases } from './testing/cross-check-fixtures.js';

describe('rule 3: Σ purchases of a project ≤ its budget', () => {
  it('the reference budget: P001 21,400.00 of 211,600.00; P002 150,000.00 of 150,000.00 (exactly at the ceiling)', () => {
    expect(checkProjectCeilings(seedInput())).toEqual([]);
  });

  it('one fen over is PROJECT_OVER_BUDGET with the project, its purchases and a negative difference', () => {
    const extra = purchase({
      purchaseId: 'cleaning',
      projectCode: 'P002',
      procurementType: 'services',
      capitalizable: false,
      catalogCode: 'C21040000',
      economicCode: '30209',
      amount: 1n,
    });
    expect(checkProjectCeilings(seedInput({ purchases: [...seedPurchases(), extra] }))).toEqual([
      {
        rule: 'PROJECT_OVER_BUDGET',
        severity: 'error',
        message: {
          zh: '项目 P002 科协物业管理费：预算 150000.00 元，计划采购 150000.01 元，超出 0.01 元',
          en: 'Project P002 科协物业管理费: budget 150000.00 元, planned purchases 150000.01 元, over by 0.01 元',
        },
        amounts: {
          budget: '150000.00',
          budgetWan: '15.00',
          planned: '150000.01',
          plannedWan: '15.00',
          difference: '-0.01',
          differenceWan: '0.00',
        },
        refs: { purchaseIds: ['cleaning', 'property'], economicCodes: [], projectCodes: ['P002'], fundingSources: [] },
      },
    ]);
  });

  it('a project without purchases is within its budget', () => {
    expect(checkProjectCeilings(seedInput({ purchases: [] }))).toEqual([]);
  });

  it('a lowered project budget is checked against the same purchases', () => {
    const input = seedInput();
    const lowered = input.projects.map((p) => (p.projectCode === 'P001' ? { ...p, budget: fen('20000.00') } : p));
    expect(checkProjectCeilings({ ...input, projects: lowered }).map((f) => [f.refs.projectCodes, f.amounts.difference])).toEqual([
      [['P001'], '-1400.00'],
    ]);
  });
});
