import { requireFact } from './context-facts.js';
import { planToPayload } from './plan-payload.js';
import type { PlanPurchaseData, PurchaseDecisionContext } from './purchase.commands.js';
import { purchaseAlreadyExists } from './purchase-errors.js';
import type { PurchasePlanned } from './purchase.events.js';
import { requireUuid, validatePlan } from './purchase-rules.js';
import type { PurchaseState } from './purchase.state.js';

export function decidePlan(state: PurchaseState, data: PlanPurchaseData, context: PurchaseDecisionContext): [PurchasePlanned] {
  const purchaseId = requireUuid(data.purchaseId, 'purchaseId');
  if (state.status !== 'empty') throw purchaseAlreadyExists(purchaseId, state.status);
  const plan = validatePlan(
    data,
    requireFact(context.catalogEntry, 'catalogEntry', 'PlanPurchase'),
    requireFact(context.project, 'project', 'PlanPurchase'),
  );
  return [{ type: 'PurchasePlanned', data: { purchaseId, ...planToPayload(plan) } }];
}
