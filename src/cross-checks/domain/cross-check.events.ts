import { z } from 'zod';
import { FUNDING_SOURCES } from '../../common/funding/funding.js';
import { defineEvent, EventCodec, type EventOf } from '../../event-log/index.js';
import { FINDING_RULES } from './finding.js';

const finding = z.strictObject({
  rule: z.enum(FINDING_RULES),
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
export const CrossCheckChangedV1 = defineEvent(
  'CrossCheckChanged',
  1,
  z.strictObject({ status: z.enum(['pass', 'fail']), added: z.array(finding), resolved: z.array(finding) }),
);

export type CrossCheckChanged = EventOf<typeof CrossCheckChangedV1>;

export const crossCheckEvents = new EventCodec<CrossCheckChanged>([CrossCheckChangedV1]);
