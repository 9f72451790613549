import { z } from 'zod';
import { defineEvent, EventCodec, type EventOf, payload } from '../../event-log/index.js';
import { category, itemCount } from './event-payload.js';

const { yuan, calendarDate } = payload;

/*
 * Declared figures (schemaVersion 1): opening holdings of a department as of a date (stream
 * `holdings-<dept>`, each event filed under the year of its date) and finance ledger balances of
 * a department-year (stream `ledger-<dept>-<year>`). Each states the whole set: every category,
 * in disclosure order, a category left out of the request at zero.
 */

export const OpeningHoldingsDeclaredV1 = defineEvent(
  'OpeningHoldingsDeclared',
  1,
  z.strictObject({
    asOf: calendarDate,
    categories: z.array(z.strictObject({ category, categoryCode: z.string(), count: itemCount, value: yuan })),
    total: z.strictObject({ count: itemCount, value: yuan }),
  }),
);

export const LedgerBalancesDeclaredV1 = defineEvent(
  'LedgerBalancesDeclared',
  1,
  z.strictObject({
    year: z.number().int(),
    categories: z.array(z.strictObject({ category, categoryCode: z.string(), value: yuan })),
    total: yuan,
  }),
);

export type OpeningHoldingsDeclared = EventOf<typeof OpeningHoldingsDeclaredV1>;
export type OpeningHoldingsDeclaredData = OpeningHoldingsDeclared['data'];
export type LedgerBalancesDeclared = EventOf<typeof LedgerBalancesDeclaredV1>;

export const openingHoldingsEvents = new EventCodec<OpeningHoldingsDeclared>([OpeningHoldingsDeclaredV1]);
export const ledgerBalancesEvents = new EventCodec<LedgerBalancesDeclared>([LedgerBalancesDeclaredV1]);
/** What the declarations read model follows: both streams' events. */
export const declarationEvents = new EventCodec<OpeningHoldingsDeclared | LedgerBalancesDeclared>([
  OpeningHoldingsDeclaredV1,
  LedgerBalancesDeclaredV1,
]);
