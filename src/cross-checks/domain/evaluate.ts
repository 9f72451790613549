import { checkAmountScale } from './amount-scale.rule.js';
import { checkCapitalExpenditure } from './capital-expenditure.rule.js';
import type { CrossCheckInput } from './cross-check.input.js';
import { FINDING_RULES, type Finding, type NotEvaluated } from './finding.js';
import { checkFundingSources } from './funding-sources.rule.js';
import { checkPlannedAssetTotal } from './planned-asset-total.rule.js';
import { checkProjectCeilings } from './project-ceiling.rule.js';
import { checkServiceLines } from './service-lines.rule.js';

export type CrossCheckStatus = 'pass' | 'fail';

export interface CrossCheckResult {
  status: CrossCheckStatus;
  findings: Finding[];
  notEvaluated: NotEvaluated[];
}

const RULES: ReadonlyArray<(input: CrossCheckInput) => Finding[] | NotEvaluated> = [
  checkCapitalExpenditure,
  checkPlannedAssetTotal,
  checkProjectCeilings,
  checkServiceLines,
  checkFundingSources,
  checkAmountScale,
];

/** Fails on any error; warnings alone pass. */
export function statusOf(findings: readonly Finding[]): CrossCheckStatus {
  return findings.some((f) => f.severity === 'error') ? 'fail' : 'pass';
}

const ruleOrder = (f: Finding) => FINDING_RULES.indexOf(f.rule);

/** Every rule over one department-year; findings in rule order, stable for the same input. */
export function evaluateCrossChecks(input: CrossCheckInput): CrossCheckResult {
  const findings: Finding[] = [];
  const notEvaluated: NotEvaluated[] = [];
  for (const rule of RULES) {
    const outcome = rule(input);
    if (Array.isArray(outcome)) findings.push(...outcome);
    else notEvaluated.push(outcome);
  }
  // Array.prototype.sort is stable: within a rule, the rule's own order stays.
  findings.sort((a, b) => ruleOrder(a) - ruleOrder(b));
  return { status: statusOf(findings), findings, notEvaluated };
}
