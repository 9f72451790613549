import { z } from 'zod';
import { defineEvent, EventCodec, type EventOf, payload } from '../../event-log/index.js';
import { category, itemCount } from './event-payload.js';

const { yuan } = payload;

const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a YYYY-MM month')
  .meta({ examples: ['2024-06'] });

/** One category's figures at the end of the month, over the cards held then. */
const figures = {
  /** Cards held at the end of the month. */
  cards: itemCount,
  /** 原值 */
  originalValue: yuan,
  /** 本月计提折旧 */
  charge: yuan,
  /** 累计折旧 at the end of the month (migrated cards' opening figures included). */
  accumulatedDepreciation: yuan,
  /** 净值 = originalValue − accumulatedDepreciation */
  netValue: yuan,
};

/*
 * Stream `depreciation-<dept>`: the department's posted months, in order, each event filed under
 * the year of its month. Nothing is written per card: a card's figures follow from the card and
 * the last posted month (domain/depreciation.ts).
 */

/** A month posted (计提折旧) for every card of the department: totals by category in disclosure order. */
export const DepreciationPostedV1 = defineEvent(
  'DepreciationPosted',
  1,
  z.strictObject({
    yearMonth,
    categories: z.array(z.strictObject({ category, categoryCode: z.string(), ...figures })),
    total: z.strictObject(figures),
    /** sha256 of the canonical JSON of department, month and categories: what a reversal names, and what a re-computation must reproduce. */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
);

/** The latest posted month taken back: the department's figures are as of the month before again. */
export const DepreciationReversedV1 = defineEvent(
  'DepreciationReversed',
  1,
  z.strictObject({ yearMonth, contentHash: z.string().regex(/^[0-9a-f]{64}$/), charge: yuan }),
);

export type DepreciationPosted = EventOf<typeof DepreciationPostedV1>;
export type DepreciationPostedData = DepreciationPosted['data'];
export type DepreciationReversed = EventOf<typeof DepreciationReversedV1>;
export type DepreciationEvent = DepreciationPosted | DepreciationReversed;

export const depreciationEvents = new EventCodec<DepreciationEvent>([DepreciationPostedV1, DepreciationReversedV1]);
