import { formatYuan } from '../../common/money/money.js';
import { Quantity } from '../../common/money/quantity.js';
import { planToPayload } from './plan-payload.js';
import type { PurchasePlanPayload } from './purchase.events.js';
import type { PurchaseState, PurchaseStatus } from './purchase.state.js';

/** What GET /purchases/:id shows: money in 元 strings, quantities as decimal strings. */
export type PurchaseSummary = {
  purchaseId: string;
  status: PurchaseStatus;
  plan: PurchasePlanPayload;
  planned: { quantity: string; amount: string };
  /** Null until a contract is signed. `savings` = planned − contract amount. */
  contracted: {
    quantity: string;
    amount: string;
    savings: string;
    supplier: string;
    contractNo: string;
    signedOn: string;
  } | null;
  accepted: { quantity: string; amount: string; acceptances: number };
  /** Still to accept against the contract; null without a live contract (planned or cancelled). */
  remaining: { quantity: string; amount: string } | null;
  cancellation: { reason: string } | null;
};

export function summarizePurchase(state: PurchaseState): PurchaseSummary | null {
  if (state.status === 'empty') return null;
  const { plan } = state;
  const contract = state.status === 'planned' ? null : state.contract;
  const accepted =
    state.status === 'partially_accepted' || state.status === 'accepted'
      ? state.accepted
      : { quantity: Quantity.ZERO, amount: 0n, acceptanceIds: [] };
  const live = contract !== null && state.status !== 'cancelled';
  return {
    purchaseId: state.purchaseId,
    status: state.status,
    plan: planToPayload(plan),
    planned: { quantity: plan.quantity.toString(), amount: formatYuan(plan.amount) },
    contracted:
      contract === null
        ? null
        : {
            quantity: plan.quantity.toString(),
            amount: formatYuan(contract.amount),
            savings: formatYuan(plan.amount - contract.amount),
            supplier: contract.supplier,
            contractNo: contract.contractNo,
            signedOn: contract.signedOn,
          },
    accepted: {
      quantity: accepted.quantity.toString(),
      amount: formatYuan(accepted.amount),
      acceptances: accepted.acceptanceIds.length,
    },
    remaining: live
      ? {
          quantity: plan.quantity.subtract(accepted.quantity).toString(),
          amount: formatYuan(contract.amount - accepted.amount),
        }
      : null,
    cancellation: state.status === 'cancelled' ? { reason: state.reason } : null,
  };
}

/** A purchase as the read model holds it: its summary, identity, scope and stream version. */
export type PurchaseRecord = {
  id: string;
  version: number;
  department: string;
  budgetYear: number;
  summary: PurchaseSummary;
};
