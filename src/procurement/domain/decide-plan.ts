import type { PlanPurchaseData, PurchaseDecisionContext } from './purchase.commands.js';
import { purchaseAlreadyExists } from './purchase-errors.js';
import type { PurchasePlanned } from './purchase.events.js';
import { requireUuid, validatePlan } from './purchase-rules.js';
import type { PurchaseState } from './purchase.state.js';
import { planToPayload } from './plan-payload.js';
import { requireFact } from './context-facts.js';

export function decidePlan(state: PurchaseState, data: PlanPurchaseData, context: PurchaseDecisionContext): [PurchasePlanned] {
  const purchaseId = requireUuid(data.purchaseId, 'purchaseId');
  if (state.status !== 'empty') throw purchaseAlreadyExists(purchaseId, state.status);
  const plan = validatePlan(
    {
      projectCode: data.projectCode,
      itemName: data.itemName,
      catalogCode: data.catalogCode,
      unit: data.unit,
      quantity: data.quantity,
      unitPrice: data.unitPrice,
      amount: data.amount,
      funding: data.funding,
      smeReserved: data.smeReserved ?? 0n,
      economicCode: data.economicCode ?? undefined,
    },
    requireFact(context.catalogEntry, 'catalogEntry', 'PlanPurchase'),
    requireFact(context.project, 'project', 'PlanPurchase'),
  );
  return [{ type: 'PurchasePlanned', data: { purchaseId, ...planToPayload(plan) } }];
}
