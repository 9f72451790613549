import { describe, expect, it } from '@jest/globals';
import { checkServiceLines } from './service-lines.rule.js';
import { fen, line, purchase, seedInput, seedPurchases } from './testing/cross-check-fixtures.js';

const service = (purchaseId: string, economicCode: string, yuan: string) =>
  purchase({ purchaseId, procurementType: 'services', capitalizable: false, catalogCode: 'C23120302', economicCode, amount: fen(yuan) });

describe('rule 4 (warning): Σ service purchases on a 302xx line ≤ that line', () => {
  it('the reference budget: vehicle services 17,700.00 ≤ 30231 18,100.00; printing 1,800.00 = 30202', () => {
    expect(checkServiceLines(seedInput())).toEqual([]);
  });

  it('more vehicle services than 30231 公务用车运行维护费 is a SERVICE_LINE_EXCEEDED warning', () => {
    const findings = checkServiceLines(seedInput({ purchases: [...seedPurchases(), service('fuel-2', '30231', '500.00')] }));
    expect(findings).toEqual([
      {
        rule: 'SERVICE_LINE_EXCEEDED',
        severity: 'warning',
        message: {
          zh: '预算科目 30231 公务用车运行维护费：预算 18100.00 元，计划采购服务 18200.00 元，超出 100.00 元',
          en: 'Budget line 30231 公务用车运行维护费: budget 18100.00 元, planned service purchases 18200.00 元, over by 100.00 元',
        },
        amounts: {
          budget: '18100.00',
          budgetWan: '1.81',
          planned: '18200.00',
          plannedWan: '1.82',
          difference: '-100.00',
          differenceWan: '-0.01',
        },
        refs: {
          purchaseIds: ['fuel', 'fuel-2', 'insurance', 'repairs'],
          economicCodes: ['30231'],
          projectCodes: ['P001'],
          fundingSources: [],
        },
      },
    ]);
  });

  it('a service on a 302xx line the budget does not break down (30209 物业管理费, a project) is not compared', () => {
    expect(checkServiceLines(seedInput({ purchases: [service('guards', '30209', '999999.00')] }))).toEqual([]);
  });

  it('the 302 parent is never the budget of a 302xx service', () => {
    const input = seedInput({ lines: [line('302', '商品和服务支出', '524700.00')] });
    expect(checkServiceLines(input)).toEqual([]);
  });

  it('goods on a 302xx line are not services', () => {
    const paper = purchase({
      purchaseId: 'paper',
      catalogCode: 'A05040101',
      capitalizable: false,
      economicCode: '30202',
      amount: fen('5000.00'),
    });
    expect(checkServiceLines(seedInput({ purchases: [...seedPurchases(), paper] }))).toEqual([]);
  });
});
