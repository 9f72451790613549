import type { Fen } from '../../common/money/money.js';
import type { Quantity } from '../../common/money/quantity.js';
import type { FundingInput } from './funding.js';
import type { ProcurementType } from './purchase.state.js';

/*
 * Inputs arrive already parsed by the API layer: money as bigint fen (parseYuan), quantities
 * as Quantity (parseQuantity), text as sent. decide() still enforces every domain rule, so a
 * caller that skips a parser cannot write a negative or zero amount.
 */

export type PlanPurchaseData = {
  purchaseId: string;
  /** Stream scope: goes into the event envelope, not the payload; the handler checks it is known. */
  department: string;
  budgetYear: number;
  projectCode: string;
  itemName: string;
  catalogCode: string;
  unit: string;
  quantity: Quantity;
  unitPrice: Fen;
  amount: Fen;
  funding: FundingInput;
  /** Defaults to 0. */
  smeReserved?: Fen;
  /** Absent or null: the catalog entry's default line. */
  economicCode?: string | null;
};

/**
 * Fields to change; absent ones stay. `funding` replaces the whole split. `economicCode: null`
 * drops an explicit line back to the catalog default.
 */
export type PurchaseChanges = Partial<{
  projectCode: string;
  itemName: string;
  catalogCode: string;
  unit: string;
  quantity: Quantity;
  unitPrice: Fen;
  amount: Fen;
  funding: FundingInput;
  smeReserved: Fen;
  economicCode: string | null;
}>;

export const AMENDABLE_FIELDS: readonly (keyof PurchaseChanges)[] = [
  'projectCode',
  'itemName',
  'catalogCode',
  'unit',
  'quantity',
  'unitPrice',
  'amount',
  'funding',
  'smeReserved',
  'economicCode',
];

export type AmendPurchaseData = { purchaseId: string; changes: PurchaseChanges };
export type CancelPurchaseData = { purchaseId: string; reason: string };
export type ContractPurchaseData = {
  purchaseId: string;
  supplier: string;
  contractNo: string;
  amount: Fen;
  /** YYYY-MM-DD */
  signedOn: string;
};
export type AcceptPurchaseData = {
  purchaseId: string;
  acceptanceId: string;
  quantity: Quantity;
  amount: Fen;
  /** YYYY-MM-DD */
  acceptedOn: string;
};

export type PlanPurchase = { type: 'PlanPurchase'; data: PlanPurchaseData };
export type AmendPurchase = { type: 'AmendPurchase'; data: AmendPurchaseData };
export type CancelPurchase = { type: 'CancelPurchase'; data: CancelPurchaseData };
export type ContractPurchase = { type: 'ContractPurchase'; data: ContractPurchaseData };
export type AcceptPurchase = { type: 'AcceptPurchase'; data: AcceptPurchaseData };

export type PurchaseCommand = PlanPurchase | AmendPurchase | CancelPurchase | ContractPurchase | AcceptPurchase;

/** A 政府采购品目 entry as the catalog context resolves it. */
export type CatalogEntryFacts = {
  code: string;
  name: string;
  type: ProcurementType;
  /** 部门经济分类 line the catalog maps this entry to (e.g. A02021301 → 31002), if any. */
  defaultEconomicLine?: string | null;
};

export type ProjectFacts = {
  code: string;
  /** The project's budget; not enforced here (Σ entries ≤ budget is a cross-check, DESIGN §4.3). */
  budget?: Fen | null;
};

/**
 * Facts the handler looks up before deciding; `null` means looked up and not found.
 * - PlanPurchase: both, for the command's catalogCode and projectCode.
 * - AmendPurchase: `catalogEntry` for the resulting catalog code when it changes or when
 *   economicCode is reset to null (passing it always is fine); `project` when projectCode changes.
 * - Other commands: none.
 */
export type PurchaseDecisionContext = {
  catalogEntry?: CatalogEntryFacts | null;
  project?: ProjectFacts | null;
};
