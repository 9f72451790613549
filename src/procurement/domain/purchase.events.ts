import { z } from 'zod';
import { FUNDING_SOURCES } from '../../common/funding/funding.js';
import { defineEvent, EventCodec, type EventOf, payload } from '../../event-log/index.js';
import { PROCUREMENT_TYPES } from './purchase.state.js';

const { yuan, quantity, calendarDate, id } = payload;

/*
 * Public contract (schemaVersion 1): payloads are camelCase JSON, money as 元 strings with
 * exactly 2 decimals, quantities as decimal strings without trailing zeros ("1", "2.5").
 * Department and budget year travel in the event envelope, not here. Never change a
 * published shape in place: add a new schema version (each definition below carries its own).
 */

/** Only the sources with a non-zero part, in FUNDING_SOURCES order. */
const fundingPayload = z.partialRecord(z.enum(FUNDING_SOURCES), yuan);

const planFields = {
  projectCode: z.string(),
  itemName: z.string(),
  catalogCode: z.string(),
  catalogName: z.string(),
  procurementType: z.enum(PROCUREMENT_TYPES),
  unit: z.string(),
  quantity,
  unitPrice: yuan,
  amount: yuan,
  funding: fundingPayload,
  smeReserved: yuan,
  economicCode: z.string().nullable(),
  economicCodeExplicit: z.boolean(),
};
const change = <T extends z.ZodType>(value: T) => z.strictObject({ from: value, to: value }).optional();

/** Every plan field as an optional `{ from, to }`: an amendment changes the plan's own fields, no others. */
function changesOf<F extends Record<string, z.ZodType>>(fields: F): { [K in keyof F]: ReturnType<typeof change<F[K]>> } {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, change(value)])) as {
    [K in keyof F]: ReturnType<typeof change<F[K]>>;
  };
}

export const PurchasePlannedV1 = defineEvent('PurchasePlanned', 1, z.strictObject({ purchaseId: id, ...planFields }));

/** Only the fields that changed; a catalog change also carries catalogName and procurementType. */
export const PurchaseAmendedV1 = defineEvent(
  'PurchaseAmended',
  1,
  z.strictObject({
    purchaseId: id,
    changes: z.strictObject(changesOf(planFields)),
  }),
);

export const PurchaseCancelledV1 = defineEvent('PurchaseCancelled', 1, z.strictObject({ purchaseId: id, reason: z.string() }));

export const PurchaseContractedV1 = defineEvent(
  'PurchaseContracted',
  1,
  z.strictObject({ purchaseId: id, supplier: z.string(), contractNo: z.string(), amount: yuan, signedOn: calendarDate }),
);

export const PurchaseAcceptedV1 = defineEvent(
  'PurchaseAccepted',
  1,
  z.strictObject({
    purchaseId: id,
    acceptanceId: id,
    quantity,
    amount: yuan,
    acceptedOn: calendarDate,
    /** Totals after this acceptance. */
    acceptedQuantityTotal: quantity,
    acceptedAmountTotal: yuan,
    /** The whole contracted quantity is now accepted; the purchase is closed. */
    fullyAccepted: z.boolean(),
  }),
);

export type PurchasePlanned = EventOf<typeof PurchasePlannedV1>;
export type PurchaseAmended = EventOf<typeof PurchaseAmendedV1>;
export type PurchaseCancelled = EventOf<typeof PurchaseCancelledV1>;
export type PurchaseContracted = EventOf<typeof PurchaseContractedV1>;
export type PurchaseAccepted = EventOf<typeof PurchaseAcceptedV1>;
export type PurchaseEvent = PurchasePlanned | PurchaseAmended | PurchaseCancelled | PurchaseContracted | PurchaseAccepted;

/** The plan as events carry it. */
export type PurchasePlanPayload = Omit<PurchasePlanned['data'], 'purchaseId'>;
export type PurchasePlanChanges = PurchaseAmended['data']['changes'];
export type PurchaseAcceptedData = PurchaseAccepted['data'];

export const purchaseEvents = new EventCodec<PurchaseEvent>([
  PurchasePlannedV1,
  PurchaseAmendedV1,
  PurchaseCancelledV1,
  PurchaseContractedV1,
  PurchaseAcceptedV1,
]);

/** Whether a stored event (type: string) is a purchase event; decode it with `purchaseEvents`. */
export function isPurchaseEvent(event: { type: string; data?: unknown }): boolean {
  return purchaseEvents.handles(event.type);
}
