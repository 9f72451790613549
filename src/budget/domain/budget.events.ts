import { z } from 'zod';
import { FUNDING_SOURCES } from '../../common/funding/funding.js';
import { defineEvent, EventCodec, type EventOf, payload } from '../../event-log/index.js';

const { yuan } = payload;

/*
 * Events of a department-year's budget reference stream (`budget-<dept>-<year>`). Public
 * contracts (schemaVersion 1): money as 元 strings with exactly 2 decimals; never change a
 * payload in place, add a version.
 */

/** 元 by funding source; a source absent is zero. */
const fundingParts = z.partialRecord(z.enum(FUNDING_SOURCES), yuan);
const change = <T extends z.ZodType>(value: T) => z.strictObject({ from: value, to: value });

export const ProjectRegisteredV1 = defineEvent(
  'ProjectRegistered',
  1,
  z.strictObject({ projectCode: z.string(), name: z.string(), budget: yuan }),
);

/** A registered project's name or budget changed; only the changed fields, old and new. */
export const ProjectRevisedV1 = defineEvent(
  'ProjectRevised',
  1,
  z.strictObject({
    projectCode: z.string(),
    changes: z.strictObject({ name: change(z.string()).optional(), budget: change(yuan).optional() }),
  }),
);

/** An economic-classification line (e.g. 31002 办公设备购置) set to an amount, with its funding split. */
export const BudgetLineSetV1 = defineEvent(
  'BudgetLineSet',
  1,
  z.strictObject({ economicCode: z.string(), name: z.string(), amount: yuan, funding: fundingParts.nullable() }),
);

/** The budget's own statement of this year's planned fixed-asset purchases (拟购置固定资产). */
export const PlannedAssetPurchasesDeclaredV1 = defineEvent('PlannedAssetPurchasesDeclared', 1, z.strictObject({ amount: yuan }));

/**
 * The department-year's income by funding source (the income side of the 收支总表), stated
 * whole: a source absent from `income` is zero. `total` is the sum of the parts.
 */
export const IncomeDeclaredV1 = defineEvent('IncomeDeclared', 1, z.strictObject({ income: fundingParts, total: yuan }));

export type FundingParts = z.output<typeof fundingParts>;
export type ProjectRegistered = EventOf<typeof ProjectRegisteredV1>;
export type ProjectRevised = EventOf<typeof ProjectRevisedV1>;
export type BudgetLineSet = EventOf<typeof BudgetLineSetV1>;
export type PlannedAssetPurchasesDeclared = EventOf<typeof PlannedAssetPurchasesDeclaredV1>;
export type IncomeDeclared = EventOf<typeof IncomeDeclaredV1>;
export type BudgetEvent = ProjectRegistered | ProjectRevised | BudgetLineSet | PlannedAssetPurchasesDeclared | IncomeDeclared;

export const budgetEvents = new EventCodec<BudgetEvent>([
  ProjectRegisteredV1,
  ProjectRevisedV1,
  BudgetLineSetV1,
  PlannedAssetPurchasesDeclaredV1,
  IncomeDeclaredV1,
]);
