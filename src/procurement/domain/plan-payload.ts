import { formatFunding, readFunding } from '../../common/funding/funding.js';
import { formatYuan, yuanToFen } from '../../common/money/money.js';
import { Quantity } from '../../common/money/quantity.js';
import type { PurchasePlanPayload } from './purchase.events.js';
import type { PurchasePlan } from './purchase.state.js';

/*
 * The one codec of a plan: events carry the payload, the read model and the HTTP view show the
 * same payload (purchase.summary.ts), and evolve reads it back. Money in 元 strings, quantity
 * as a decimal string, funding in the disclosure's column order.
 */

export function planToPayload(plan: PurchasePlan): PurchasePlanPayload {
  return {
    ...plan,
    quantity: plan.quantity.toString(),
    unitPrice: formatYuan(plan.unitPrice),
    amount: formatYuan(plan.amount),
    funding: formatFunding(plan.funding),
    smeReserved: formatYuan(plan.smeReserved),
  };
}

export function planFromPayload(payload: PurchasePlanPayload): PurchasePlan {
  return {
    ...payload,
    quantity: Quantity.decode(payload.quantity),
    unitPrice: yuanToFen(payload.unitPrice),
    amount: yuanToFen(payload.amount),
    funding: readFunding(payload.funding),
    smeReserved: yuanToFen(payload.smeReserved),
  };
}
