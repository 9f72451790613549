import { z } from 'zod';
import { FUNDING_SOURCES } from '../../common/funding/funding.js';
import { defineEvent, defineUpcaster, EventCodec, type EventOf } from '../../event-log/index.js';
import { FINDING_RULES } from './finding.js';

/** The rules v1 of the event knew: its published contract is frozen with them. */
const V1_RULES = [
  'PLANNED_WITHOUT_BUDGET_LINE',
  'BUDGET_LINE_WITHOUT_PLANNED_PURCHASE',
  'AMOUNT_MISMATCH',
  'PARENT_TOTAL_MISMATCH',
  'PLANNED_ASSET_TOTAL_MISMATCH',
  'PROJECT_OVER_BUDGET',
  'SERVICE_LINE_EXCEEDED',
  'FUNDING_SOURCE_EXCEEDED',
] as const;

const refsV3 = {
  economicCodes: z.array(z.string()),
  projectCodes: z.array(z.string()),
  fundingSources: z.array(z.enum(FUNDING_SOURCES)),
};
const refsV1 = { purchaseIds: z.array(z.string()), ...refsV3 };

const findingOf = <const R extends readonly [string, ...string[]], F extends z.ZodRawShape>(rules: R, refs: F) =>
  z.strictObject({
    rule: z.enum(rules),
    severity: z.enum(['error', 'warning']),
    message: z.strictObject({ zh: z.string(), en: z.string() }),
    amounts: z.record(z.string(), z.string()),
    refs: z.strictObject(refs),
  });

/**
 * The findings of a department-year changed (stream `cross-checks-<dept>-<year>`). Public
 * contract: `status` after the change; `added` and `resolved` are whole findings, so folding
 * the stream gives the current set. A finding whose amounts, refs or wording change is
 * resolved in its old form and added in its new one.
 */
const changeOf = <F extends z.ZodType>(finding: F) =>
  z.strictObject({ status: z.enum(['pass', 'fail']), added: z.array(finding), resolved: z.array(finding) });

export const CrossCheckChangedV1 = defineEvent('CrossCheckChanged', 1, changeOf(findingOf(V1_RULES, refsV1)));

/** v2: findings may carry the rule AMOUNT_SCALE_SUSPECT (a money value that looks typed in 万元). */
export const CrossCheckChangedV2 = defineEvent('CrossCheckChanged', 2, changeOf(findingOf(FINDING_RULES, refsV1)));

/**
 * v3: a finding no longer lists the purchases behind it (`refs.purchaseIds` is gone): that set
 * grows with the year, so each change re-listed every purchase and the log grew with the square
 * of the plans. A finding is its rule, lines, projects, sources and amounts; GET …/cross-checks
 * still lists the purchases, read at query time.
 */
export const CrossCheckChangedV3 = defineEvent('CrossCheckChanged', 3, changeOf(findingOf(FINDING_RULES, refsV3)));

// Every v1 finding is a v2 finding: the rule set only grew.
const crossCheckChangedV1toV2 = defineUpcaster(CrossCheckChangedV1, CrossCheckChangedV2, (d) => d);

type FindingV2 = EventOf<typeof CrossCheckChangedV2>['data']['added'][number];
const withoutPurchaseIds = ({ refs: { purchaseIds: _ids, ...refs }, ...finding }: FindingV2) => ({ ...finding, refs });

// A v2 finding is the v3 one with its purchase list: dropping it is all that changed.
const crossCheckChangedV2toV3 = defineUpcaster(CrossCheckChangedV2, CrossCheckChangedV3, (d) => ({
  status: d.status,
  added: d.added.map(withoutPurchaseIds),
  resolved: d.resolved.map(withoutPurchaseIds),
}));

export type CrossCheckChanged = EventOf<typeof CrossCheckChangedV3>;

export const crossCheckEvents = new EventCodec<CrossCheckChanged>(
  [CrossCheckChangedV3],
  [crossCheckChangedV1toV2, crossCheckChangedV2toV3],
);
