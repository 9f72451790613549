import type { CrossCheckStatus } from './evaluate.js';
import type { Finding } from './finding.js';

/**
 * The findings of a department-year changed (stream `cross-checks-<dept>-<year>`). Public
 * contract: `status` after the change; `added` and `resolved` are whole findings, so folding
 * the stream gives the current set. A finding whose amounts, refs or wording change is
 * resolved in its old form and added in its new one.
 */
export interface CrossCheckChanged {
  type: 'CrossCheckChanged';
  data: { status: CrossCheckStatus; added: Finding[]; resolved: Finding[] };
}
