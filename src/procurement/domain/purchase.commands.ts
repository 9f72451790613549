import type { Fen } from '../../common/money/money.js';
import type { Quantity } from '../../common/money/quantity.js';
import type { ProcurementType } from './purchase.state.js';

/*
 * Inputs arrive already parsed by the API layer: money as bigint fen (parseYuan), quantities
 * as Quantity (parseQuantity), text as sent. decide() still enforces every domain rule, so a
 * caller that skips a parser cannot write a negative or zero amount.
 */

/**
 * A funding split as the API hands it over: keys are not trusted yet (an unknown one is a 400
 * naming `funding.<key>`); zero parts are dropped.
 */
export type FundingInput = Readonly<Record<string, Fen>>;

/**
 * What the officer plans, before the rules: the plan command's data, and the whole an
 * amendment is checked as (the plan as it stands, with the changes laid over it).
 */
export type PlanFields = {
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

/** The department and year are the stream's scope (the event envelope), not the plan's. */
export type PlanPurchaseData = { purchaseId: string } & PlanFields;

/**
 * Fields to change; absent ones stay. `funding` replaces the whole split. `economicCode: null`
 * drops an explicit line back to the catalog default.
 */
export type PurchaseChanges = Partial<PlanFields>;

/** Every plan field, once: the compiler refuses a field added to PlanFields but not here. */
const PLAN_FIELDS: Record<keyof PlanFields, true> = {
  projectCode: true,
  itemName: true,
  catalogCode: true,
  unit: true,
  quantity: true,
  unitPrice: true,
  amount: true,
  funding: true,
  smeReserved: true,
  economicCode: true,
};

/** Every plan field can be amended, in form order. */
export const AMENDABLE_FIELDS = Object.keys(PLAN_FIELDS) as readonly (keyof PlanFields)[];

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
  /** The business day by the database clock: contract and acceptance dates may not be after it. */
  today?: string;
};
