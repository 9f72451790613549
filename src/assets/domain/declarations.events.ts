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

/**
 * A declaration taken back (wrongly dated or scaled): the date has no declaration any more, as
 * if never declared. `total` is what was withdrawn, for whoever reads the log.
 */
export const OpeningHoldingsWithdrawnV1 = defineEvent(
  'OpeningHoldingsWithdrawn',
  1,
  z.strictObject({ asOf: calendarDate, total: z.strictObject({ count: itemCount, value: yuan }) }),
);

/** The year's ledger balances taken back: the reconciliation has no ledger side again. */
export const LedgerBalancesWithdrawnV1 = defineEvent('LedgerBalancesWithdrawn', 1, z.strictObject({ year: z.number().int(), total: yuan }));

export type OpeningHoldingsDeclared = EventOf<typeof OpeningHoldingsDeclaredV1>;
export type OpeningHoldingsDeclaredData = OpeningHoldingsDeclared['data'];
export type OpeningHoldingsWithdrawn = EventOf<typeof OpeningHoldingsWithdrawnV1>;
export type OpeningHoldingsEvent = OpeningHoldingsDeclared | OpeningHoldingsWithdrawn;
export type LedgerBalancesDeclared = EventOf<typeof LedgerBalancesDeclaredV1>;
export type LedgerBalancesWithdrawn = EventOf<typeof LedgerBalancesWithdrawnV1>;
export type LedgerBalancesEvent = LedgerBalancesDeclared | LedgerBalancesWithdrawn;

export const openingHoldingsEvents = new EventCodec<OpeningHoldingsEvent>([OpeningHoldingsDeclaredV1, OpeningHoldingsWithdrawnV1]);
export const ledgerBalancesEvents = new EventCodec<LedgerBalancesEvent>([LedgerBalancesDeclaredV1, LedgerBalancesWithdrawnV1]);
/** What the declarations read model follows: both streams' events. */
export const declarationEvents = new EventCodec<OpeningHoldingsEvent | LedgerBalancesEvent>([
  OpeningHoldingsDeclaredV1,
  OpeningHoldingsWithdrawnV1,
  LedgerBalancesDeclaredV1,
  LedgerBalancesWithdrawnV1,
]);
