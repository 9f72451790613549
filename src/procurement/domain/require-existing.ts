import { purchaseNotFound } from './purchase-errors.js';
import type { ExistingPurchase, PurchaseState } from './purchase.state.js';

/** Every command but PlanPurchase needs the purchase to exist (404 otherwise). */
export function requireExisting(state: PurchaseState, purchaseId: string): ExistingPurchase {
  if (state.status === 'empty') throw purchaseNotFound(purchaseId);
  if (state.purchaseId !== purchaseId) {
    throw new Error(`Command for purchase ${purchaseId} was decided against stream of ${state.purchaseId}`);
  }
  return state;
}
