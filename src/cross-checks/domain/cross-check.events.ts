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

const findingOf = <const R extends readonly [string, ...string[]]>(rules: R) =>
  z.strictObject({
    rule: z.enum(rules),
    severity: z.enum(['error', 'warning']),
    message: z.strictObject({ zh: z.string(), en: z.string() }),
    amounts: z.record(z.string(), z.string()),
    refs: z.strictObject({
      purchaseIds: z.array(z.string()),
      economicCodes: z.array(z.string()),
      projectCodes: z.array(z.string()),
      fundingSources: z.array(z.enum(FUNDING_SOURCES)),
    }),
  });

/**
 * The findings of a department-year changed (stream `cross-checks-<dept>-<year>`). Public
 * contract: `status` after the change; `added` and `resolved` are whole findings, so folding
 * the stream gives the current set. A finding whose amounts, refs or wording change is
 * resolved in its old form and added in its new one.
 */
const changeOf = <F extends z.ZodType>(finding: F) =>
  z.strictObject({ status: z.enum(['pass', 'fail']), added: z.array(finding), resolved: z.array(finding) });

export const CrossCheckChangedV1 = defineEvent('CrossCheckChanged', 1, changeOf(findingOf(V1_RULES)));

/** v2: findings may carry the rule AMOUNT_SCALE_SUSPECT (a money value that looks typed in 万元). */
export const CrossCheckChangedV2 = defineEvent('CrossCheckChanged', 2, changeOf(findingOf(FINDING_RULES)));

// Every v1 finding is a v2 finding: the rule set only grew.
const crossCheckChangedV1toV2 = defineUpcaster(CrossCheckChangedV1, CrossCheckChangedV2, (d) => d);

export type CrossCheckChanged = EventOf<typeof CrossCheckChangedV2>;

export const crossCheckEvents = new EventCodec<CrossCheckChanged>([CrossCheckChangedV2], [crossCheckChangedV1toV2]);
