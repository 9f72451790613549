import type { CancelPurchaseData } from './purchase.commands.js';
import { illegalTransition } from './purchase-errors.js';
import type { PurchaseCancelled } from './purchase.events.js';
import { requireText } from './purchase-rules.js';
import type { PurchaseState } from './purchase.state.js';
import { requireExisting } from './require-existing.js';

/**
 * A purchase can be cancelled until goods or services have been accepted: once anything is
 * accepted it exists on the books (asset cards, payments) and must be undone by disposal, not
 * by erasing the purchase.
 */
export function decideCancel(state: PurchaseState, data: CancelPurchaseData): [PurchaseCancelled] {
  const current = requireExisting(state, data.purchaseId);
  if (current.status !== 'planned' && current.status !== 'contracted') {
    throw illegalTransition(current.status, 'cancel', current.purchaseId);
  }
  const reason = requireText(data.reason, 'reason');
  return [{ type: 'PurchaseCancelled', data: { purchaseId: current.purchaseId, reason } }];
}
