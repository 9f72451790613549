import type { CrossCheckStatus } from '../domain/evaluate.js';
import type { Finding, NotEvaluated } from '../domain/finding.js';

/** The API's answer to GET …/cross-checks: the findings as evaluated now, on one snapshot. */
export interface CrossCheckView {
  department: string;
  budgetYear: number;
  /** `fail` iff any finding is an error. */
  status: CrossCheckStatus;
  /** Each with the purchases behind it, read at query time (events carry none). */
  findings: Array<Finding & { refs: { purchaseIds: string[] } }>;
  notEvaluated: NotEvaluated[];
  checkedAt: string;
  /** The newest global log position among the department-year's events this result includes ("0" when none). */
  position: string;
}
