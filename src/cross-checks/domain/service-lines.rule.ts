import { sumFen } from '../../common/money/money.js';
import { childLines, type CrossCheckInput, groupBy, isChildOf, lineLabel } from './cross-check.input.js';
import { amounts, type Finding, refs, yuan } from './finding.js';

/** 302 商品和服务支出. */
export const GOODS_AND_SERVICES = '302';

/**
 * Rule 4 (DESIGN §4), a warning: Σ service purchases on a 302xx line ≤ that line's budget
 * (e.g. vehicle services vs 30231 公务用车运行维护费). A line can hold more than procurement (fuel
 * bought outside it, say), so only an overrun is reported. A 302xx line the budget does not
 * have is not a finding: disclosures break 302 down for 基本支出 only, so services bought under
 * a project (物业管理 under its own project) routinely have no line to compare with.
 */
export function checkServiceLines(input: CrossCheckInput): Finding[] {
  const lines = childLines(input, GOODS_AND_SERVICES);
  const services = input.purchases.filter((p) => p.procurementType === 'services' && isChildOf(p.economicCode, GOODS_AND_SERVICES));
  const findings: Finding[] = [];
  for (const [code, purchases] of [...groupBy(services, (p) => p.economicCode!).entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const line = lines.get(code);
    if (!line) continue;
    const planned = sumFen(purchases.map((p) => p.amount));
    if (planned <= line.amount) continue;
    const difference = line.amount - planned;
    const label = lineLabel(input, code);
    findings.push({
      rule: 'SERVICE_LINE_EXCEEDED',
      severity: 'warning',
      message: {
        zh: `预算科目 ${label}：预算 ${yuan(line.amount)}，计划采购服务 ${yuan(planned)}，超出 ${yuan(-difference)}`,
        en: `Budget line ${label}: budget ${yuan(line.amount)}, planned service purchases ${yuan(planned)}, over by ${yuan(-difference)}`,
      },
      amounts: amounts({ budget: line.amount, planned, difference }),
      refs: refs({ purchases, economicCodes: [code] }),
    });
  }
  return findings;
}
