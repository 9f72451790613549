import { FUNDING_SOURCE_NAMES, FUNDING_SOURCES } from '../../common/funding/funding.js';
import { sumFen } from '../../common/money/money.js';
import type { CrossCheckInput } from './cross-check.input.js';
import { amounts, type Finding, type NotEvaluated, refs, yuan } from './finding.js';

/**
 * Rule 5: per funding source, Σ the purchases' parts ≤ the department-year's income from that
 * source (the income side of the 收支总表). The income is stated whole, so once declared a
 * source it leaves out is zero. Without it the rule is reported as not evaluated.
 */
export function checkFundingSources(input: CrossCheckInput): Finding[] | NotEvaluated {
  if (input.income === null) {
    return {
      rule: 'FUNDING_SOURCE_EXCEEDED',
      reason: 'INCOME_NOT_DECLARED',
      message: {
        zh: '未申报各资金来源的收入，无法核对资金来源',
        en: 'The income by funding source is not declared, so funding sources cannot be checked',
      },
    };
  }
  const findings: Finding[] = [];
  for (const source of FUNDING_SOURCES) {
    const funded = input.purchases.filter((p) => (p.funding[source] ?? 0n) > 0n);
    const planned = sumFen(funded.map((p) => p.funding[source]!));
    const income = input.income[source] ?? 0n;
    if (planned <= income) continue;
    const difference = income - planned;
    const name = FUNDING_SOURCE_NAMES[source];
    findings.push({
      rule: 'FUNDING_SOURCE_EXCEEDED',
      severity: 'error',
      message: {
        zh: `资金来源 ${name}：收入 ${yuan(income)}，计划采购使用 ${yuan(planned)}，超出 ${yuan(-difference)}`,
        en: `Funding source ${source} (${name}): income ${yuan(income)}, planned purchases ${yuan(planned)}, over by ${yuan(-difference)}`,
      },
      amounts: amounts({ income, planned, difference }),
      refs: refs({ purchases: funded, fundingSources: [source] }),
    });
  }
  return findings;
}
