import type { FundingSource } from './funding.js';
import type { ProcurementType } from './purchase.state.js';

/*
 * Public contract (schemaVersion 1): payloads are camelCase JSON, money as 元 strings with
 * exactly 2 decimals, quantities as decimal strings without trailing zeros ("1", "2.5").
 * Department and budget year travel in the event envelope, not here. Never change a
 * published shape in place: add a new schema version.
 */
export const PURCHASE_EVENT_SCHEMA_VERSION = 1;

/** Only the sources with a non-zero part, in FUNDING_SOURCES order. */
export type FundingPayload = Partial<Record<FundingSource, string>>;

/** The plan as events carry it. */
export type PurchasePlanPayload = {
  projectCode: string;
  itemName: string;
  catalogCode: string;
  catalogName: string;
  procurementType: ProcurementType;
  unit: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  funding: FundingPayload;
  smeReserved: string;
  economicCode: string | null;
  economicCodeExplicit: boolean;
};

export type PurchasePlannedData = { purchaseId: string } & PurchasePlanPayload;

/** Only the fields that changed; a catalog change also carries catalogName and procurementType. */
export type PurchasePlanChanges = {
  [K in keyof PurchasePlanPayload]?: { from: PurchasePlanPayload[K]; to: PurchasePlanPayload[K] };
};

export type PurchaseAmendedData = { purchaseId: string; changes: PurchasePlanChanges };

export type PurchaseCancelledData = { purchaseId: string; reason: string };

export type PurchaseContractedData = {
  purchaseId: string;
  supplier: string;
  contractNo: string;
  amount: string;
  signedOn: string;
};

export type PurchaseAcceptedData = {
  purchaseId: string;
  acceptanceId: string;
  quantity: string;
  amount: string;
  acceptedOn: string;
  /** Totals after this acceptance. */
  acceptedQuantityTotal: string;
  acceptedAmountTotal: string;
  /** The whole contracted quantity is now accepted; the purchase is closed. */
  fullyAccepted: boolean;
};

export type PurchasePlanned = { type: 'PurchasePlanned'; data: PurchasePlannedData };
export type PurchaseAmended = { type: 'PurchaseAmended'; data: PurchaseAmendedData };
export type PurchaseCancelled = { type: 'PurchaseCancelled'; data: PurchaseCancelledData };
export type PurchaseContracted = { type: 'PurchaseContracted'; data: PurchaseContractedData };
export type PurchaseAccepted = { type: 'PurchaseAccepted'; data: PurchaseAcceptedData };

export type PurchaseEvent = PurchasePlanned | PurchaseAmended | PurchaseCancelled | PurchaseContracted | PurchaseAccepted;

export const PURCHASE_EVENT_TYPES: readonly PurchaseEvent['type'][] = [
  'PurchasePlanned',
  'PurchaseAmended',
  'PurchaseCancelled',
  'PurchaseContracted',
  'PurchaseAccepted',
];

/** Narrows a stored event (type: string) to a purchase event; its payload is trusted as written. */
export function isPurchaseEvent(event: { type: string; data: unknown }): event is PurchaseEvent {
  return (PURCHASE_EVENT_TYPES as readonly string[]).includes(event.type);
}
