import { asIfWanYuan, looksLikeWanYuan } from '../../common/money/scale-suspect.js';
import { compareFen, type Fen, formatYuan } from '../../common/money/money.js';
import type { CrossCheckInput, SuspectUnitPrice } from './cross-check.input.js';
import { amounts, type Finding, refs, yuan } from './finding.js';

/**
 * A warning, not a failure: amounts that look typed in 万元 where the register takes 元 (a
 * goods unit price, a project budget or a budget line under 100.00 元 with a fraction, such as a
 * shredder at 0.19). Every other rule would take 0.19 元 at face value and pass.
 */
export function checkAmountScale(input: CrossCheckInput): Finding[] {
  const findings: Finding[] = [];
  const suspect = (what: { zh: string; en: string }, fen: Fen, parts: Parameters<typeof refs>[0]) =>
    findings.push({
      rule: 'AMOUNT_SCALE_SUSPECT',
      severity: 'warning',
      message: {
        zh: `${what.zh} ${yuan(fen)}：金额以元为单位；${formatYuan(fen)} 万元应为 ${asIfWanYuan(fen)} 元`,
        en: `${what.en} ${yuan(fen)}: amounts are in 元; ${formatYuan(fen)} 万元 would be ${asIfWanYuan(fen)}`,
      },
      amounts: amounts({ amount: fen }),
      refs: refs(parts),
    });
  for (const project of [...input.projects].sort((a, b) => a.projectCode.localeCompare(b.projectCode))) {
    if (!looksLikeWanYuan(project.budget)) continue;
    const label = `${project.projectCode} ${project.name}`;
    suspect({ zh: `项目 ${label} 预算`, en: `Project ${label}: budget` }, project.budget, { projectCodes: [project.projectCode] });
  }
  for (const line of [...input.lines].sort((a, b) => a.economicCode.localeCompare(b.economicCode))) {
    if (!looksLikeWanYuan(line.amount)) continue;
    const label = `${line.economicCode} ${line.name}`;
    suspect({ zh: `预算科目 ${label} 金额`, en: `Budget line ${label}: amount` }, line.amount, { economicCodes: [line.economicCode] });
  }
  // One finding per catalog code, project and unit price, however many purchases share them.
  const byPrice = (a: SuspectUnitPrice, b: SuspectUnitPrice) =>
    a.catalogCode.localeCompare(b.catalogCode) || a.projectCode.localeCompare(b.projectCode) || compareFen(a.unitPrice, b.unitPrice);
  for (const price of [...input.suspectUnitPrices].sort(byPrice)) {
    if (!looksLikeWanYuan(price.unitPrice)) continue;
    suspect({ zh: `采购 ${price.catalogCode} 单价`, en: `Purchase of ${price.catalogCode}: unit price` }, price.unitPrice, {
      purchases: [price],
    });
  }
  return findings;
}
