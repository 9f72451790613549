import { sumFen } from '../../common/money/money.js';
import { childLines, type CrossCheckInput, groupBy, isChildOf, lineLabel, type PurchaseGroup } from './cross-check.input.js';
import { amounts, type Finding, refs, yuan } from './finding.js';

/** 310 资本性支出: the 类 whose 款 lines buy fixed assets. */
export const CAPITAL = '310';

/** Live capitalizable goods, by the 310xx line they are planned on. */
export function capitalPurchasesByLine(input: CrossCheckInput): Map<string, PurchaseGroup[]> {
  const capital = input.purchases.filter((p) => p.procurementType === 'goods' && p.capitalizable && isChildOf(p.economicCode, CAPITAL));
  return groupBy(capital, (p) => p.economicCode!);
}

/**
 * Rule 1 (DESIGN §4): per 310xx line, Σ planned capitalizable goods = the budget line, in both
 * directions; and the 310 line, when set, = Σ of its 310xx lines. The parent is only ever
 * compared with its children, never added to them.
 */
export function checkCapitalExpenditure(input: CrossCheckInput): Finding[] {
  const lines = childLines(input, CAPITAL);
  const planned = capitalPurchasesByLine(input);
  const findings: Finding[] = [];
  for (const code of [...new Set([...lines.keys(), ...planned.keys()])].sort()) {
    const line = lines.get(code);
    const purchases = planned.get(code) ?? [];
    const plannedFen = sumFen(purchases.map((p) => p.amount));
    const count = purchases.reduce((n, p) => n + p.count, 0);
    const label = lineLabel(input, code);
    if (!line) {
      findings.push({
        rule: 'PLANNED_WITHOUT_BUDGET_LINE',
        severity: 'error',
        message: {
          zh: `计划采购的固定资产 ${yuan(plannedFen)}（${count} 项）归入 ${label}，但预算中没有该科目`,
          en: `${count} planned fixed-asset purchase(s) of ${yuan(plannedFen)} belong to ${label}, which the budget does not have`,
        },
        amounts: amounts({ planned: plannedFen }),
        refs: refs({ purchases, economicCodes: [code] }),
      });
    } else if (count === 0) {
      if (line.amount === 0n) continue;
      findings.push({
        rule: 'BUDGET_LINE_WITHOUT_PLANNED_PURCHASE',
        severity: 'error',
        message: {
          zh: `预算科目 ${label} 有 ${yuan(line.amount)}，但没有计划采购的固定资产`,
          en: `Budget line ${label} has ${yuan(line.amount)} but no planned fixed-asset purchase`,
        },
        amounts: amounts({ budget: line.amount }),
        refs: refs({ economicCodes: [code] }),
      });
    } else if (plannedFen !== line.amount) {
      const difference = line.amount - plannedFen;
      findings.push({
        rule: 'AMOUNT_MISMATCH',
        severity: 'error',
        message: {
          zh: `预算科目 ${label}：预算 ${yuan(line.amount)}，计划采购固定资产 ${yuan(plannedFen)}，差额 ${yuan(difference)}`,
          en: `Budget line ${label}: budget ${yuan(line.amount)}, planned fixed-asset purchases ${yuan(plannedFen)}, difference ${yuan(difference)}`,
        },
        amounts: amounts({ budget: line.amount, planned: plannedFen, difference }),
        refs: refs({ purchases, economicCodes: [code] }),
      });
    }
  }
  const parent = input.lines.find((l) => l.economicCode === CAPITAL);
  if (parent) {
    const children = sumFen([...lines.values()].map((l) => l.amount));
    if (children !== parent.amount) {
      const difference = parent.amount - children;
      findings.push({
        rule: 'PARENT_TOTAL_MISMATCH',
        severity: 'error',
        message: {
          zh: `预算科目 ${lineLabel(input, CAPITAL)} ${yuan(parent.amount)} 不等于其下级科目合计 ${yuan(children)}，差额 ${yuan(difference)}`,
          en: `Budget line ${lineLabel(input, CAPITAL)} of ${yuan(parent.amount)} is not the sum of its sub-lines, ${yuan(children)}; difference ${yuan(difference)}`,
        },
        amounts: amounts({ parent: parent.amount, children, difference }),
        refs: refs({ economicCodes: [CAPITAL, ...lines.keys()] }),
      });
    }
  }
  return findings;
}
