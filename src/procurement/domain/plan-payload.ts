import { formatYuan, yuanToFen } from '../../common/money/money.js';
import { Quantity } from '../../common/money/quantity.js';
import { FUNDING_SOURCES, type FundingSource, type FundingSplit } from './funding.js';
import type { FundingPayload, PurchasePlanPayload } from './purchase.events.js';
import type { PurchasePlan } from './purchase.state.js';

/** The plan as events carry it (money in 元 strings, quantity as a decimal string). */
export function planToPayload(plan: PurchasePlan): PurchasePlanPayload {
  return {
    projectCode: plan.projectCode,
    itemName: plan.itemName,
    catalogCode: plan.catalogCode,
    catalogName: plan.catalogName,
    procurementType: plan.procurementType,
    unit: plan.unit,
    quantity: plan.quantity.toString(),
    unitPrice: formatYuan(plan.unitPrice),
    amount: formatYuan(plan.amount),
    funding: fundingToPayload(plan.funding),
    smeReserved: formatYuan(plan.smeReserved),
    economicCode: plan.economicCode,
    economicCodeExplicit: plan.economicCodeExplicit,
  };
}

export function planFromPayload(payload: PurchasePlanPayload): PurchasePlan {
  const funding: Partial<Record<FundingSource, bigint>> = {};
  for (const source of FUNDING_SOURCES) {
    const part = payload.funding[source];
    if (part !== undefined) funding[source] = yuanToFen(part);
  }
  return {
    projectCode: payload.projectCode,
    itemName: payload.itemName,
    catalogCode: payload.catalogCode,
    catalogName: payload.catalogName,
    procurementType: payload.procurementType,
    unit: payload.unit,
    quantity: Quantity.decode(payload.quantity),
    unitPrice: yuanToFen(payload.unitPrice),
    amount: yuanToFen(payload.amount),
    funding,
    smeReserved: yuanToFen(payload.smeReserved),
    economicCode: payload.economicCode,
    economicCodeExplicit: payload.economicCodeExplicit,
  };
}

export function fundingToPayload(funding: FundingSplit): FundingPayload {
  const payload: FundingPayload = {};
  for (const source of FUNDING_SOURCES) {
    const part = funding[source];
    if (part !== undefined && part !== 0n) payload[source] = formatYuan(part);
  }
  return payload;
}
