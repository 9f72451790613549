import type { FundingSplit } from '../../common/funding/funding.js';
import type { Fen } from '../../common/money/money.js';
import type { Quantity } from '../../common/money/quantity.js';

export const PROCUREMENT_TYPES = ['goods', 'works', 'services'] as const;
export type ProcurementType = (typeof PROCUREMENT_TYPES)[number];

/**
 * `accepted` is terminal and is what DESIGN §5 calls closed: once the whole contracted
 * quantity is accepted nothing further can happen to the purchase, so there is no separate
 * close command or event. `cancelled` is the other terminal status.
 */
export const PURCHASE_STATUSES = ['planned', 'contracted', 'partially_accepted', 'accepted', 'cancelled'] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];

/** What the officer planned, as it stands after amendments. */
export type PurchasePlan = {
  projectCode: string;
  itemName: string;
  catalogCode: string;
  catalogName: string;
  procurementType: ProcurementType;
  unit: string;
  quantity: Quantity;
  unitPrice: Fen;
  /** = lineAmount(quantity, unitPrice), checked when planned or amended. */
  amount: Fen;
  /** Sums to `amount`. */
  funding: FundingSplit;
  /** 预留中小微企业份额, ≤ amount. */
  smeReserved: Fen;
  /** 部门经济分类 line (e.g. 31002); null when neither the officer nor the catalog gave one. */
  economicCode: string | null;
  /** True when the officer set the line; false when it came from the catalog entry. */
  economicCodeExplicit: boolean;
};

export type PurchaseContract = {
  supplier: string;
  contractNo: string;
  /** ≤ the planned amount when signed. */
  amount: Fen;
  /** YYYY-MM-DD */
  signedOn: string;
};

export type AcceptedSoFar = {
  /** ≤ the planned (= contracted) quantity. */
  quantity: Quantity;
  /** ≤ the contract amount. */
  amount: Fen;
  acceptanceIds: readonly string[];
};

export type EmptyPurchase = { status: 'empty' };
export type PlannedPurchase = { status: 'planned'; purchaseId: string; plan: PurchasePlan };
export type ContractedPurchase = { status: 'contracted'; purchaseId: string; plan: PurchasePlan; contract: PurchaseContract };
export type PartiallyAcceptedPurchase = {
  status: 'partially_accepted';
  purchaseId: string;
  plan: PurchasePlan;
  contract: PurchaseContract;
  accepted: AcceptedSoFar;
};
export type AcceptedPurchase = {
  status: 'accepted';
  purchaseId: string;
  plan: PurchasePlan;
  contract: PurchaseContract;
  accepted: AcceptedSoFar;
};
export type CancelledPurchase = {
  status: 'cancelled';
  purchaseId: string;
  plan: PurchasePlan;
  /** Set when the purchase was cancelled after its contract was signed. */
  contract: PurchaseContract | null;
  reason: string;
};

/** `empty` is the state of a stream with no events yet; it is never a public status. */
export type PurchaseState =
  EmptyPurchase | PlannedPurchase | ContractedPurchase | PartiallyAcceptedPurchase | AcceptedPurchase | CancelledPurchase;

export type ExistingPurchase = Exclude<PurchaseState, EmptyPurchase>;

export const initialPurchaseState = (): PurchaseState => ({ status: 'empty' });
