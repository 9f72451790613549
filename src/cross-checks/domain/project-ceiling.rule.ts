import { sumFen } from '../../common/money/money.js';
import { type CrossCheckInput, groupBy } from './cross-check.input.js';
import { amounts, type Finding, refs, yuan } from './finding.js';

/** Rule 3 (DESIGN §4): Σ live purchases of a project ≤ the project's budget. */
export function checkProjectCeilings(input: CrossCheckInput): Finding[] {
  const byProject = groupBy(input.purchases, (p) => p.projectCode);
  const findings: Finding[] = [];
  for (const project of [...input.projects].sort((a, b) => a.projectCode.localeCompare(b.projectCode))) {
    const purchases = byProject.get(project.projectCode) ?? [];
    const planned = sumFen(purchases.map((p) => p.amount));
    if (planned <= project.budget) continue;
    const difference = project.budget - planned;
    const label = `${project.projectCode} ${project.name}`;
    findings.push({
      rule: 'PROJECT_OVER_BUDGET',
      severity: 'error',
      message: {
        zh: `项目 ${label}：预算 ${yuan(project.budget)}，计划采购 ${yuan(planned)}，超出 ${yuan(-difference)}`,
        en: `Project ${label}: budget ${yuan(project.budget)}, planned purchases ${yuan(planned)}, over by ${yuan(-difference)}`,
      },
      amounts: amounts({ budget: project.budget, planned, difference }),
      refs: refs({ purchases, projectCodes: [project.projectCode] }),
    });
  }
  return findings;
}
