import { type Fen, parseYuan } from '../../common/money/money.js';
import { parseQuantity } from '../../common/money/quantity.js';
import type { FundingInput, PurchaseChanges } from '../domain/index.js';
import type { PlanPurchaseInput } from '../application/plan-purchase.command.js';
import type { AmendPurchaseRequest, PlanPurchaseRequest } from './dto/purchase.requests.js';

/** Each part parsed as money under its own field name; unknown sources are the domain's to reject. */
function fundingInput(funding: Record<string, unknown>): FundingInput {
  const parts: Record<string, Fen> = {};
  for (const [source, value] of Object.entries(funding)) parts[source] = parseYuan(value, `funding.${source}`);
  return parts;
}

export function planInput(body: PlanPurchaseRequest): PlanPurchaseInput {
  return {
    projectCode: body.projectCode,
    itemName: body.itemName,
    catalogCode: body.catalogCode,
    unit: body.unit,
    quantity: parseQuantity(body.quantity, 'quantity'),
    unitPrice: parseYuan(body.unitPrice, 'unitPrice'),
    amount: parseYuan(body.amount, 'amount'),
    funding: fundingInput(body.funding),
    smeReserved: body.smeReserved === undefined ? undefined : parseYuan(body.smeReserved, 'smeReserved'),
    economicCode: body.economicCode ?? null,
  };
}

export function amendChanges(body: AmendPurchaseRequest): PurchaseChanges {
  const changes: PurchaseChanges = {};
  if (body.projectCode !== undefined) changes.projectCode = body.projectCode;
  if (body.itemName !== undefined) changes.itemName = body.itemName;
  if (body.catalogCode !== undefined) changes.catalogCode = body.catalogCode;
  if (body.unit !== undefined) changes.unit = body.unit;
  if (body.quantity !== undefined) changes.quantity = parseQuantity(body.quantity, 'quantity');
  if (body.unitPrice !== undefined) changes.unitPrice = parseYuan(body.unitPrice, 'unitPrice');
  if (body.amount !== undefined) changes.amount = parseYuan(body.amount, 'amount');
  if (body.funding !== undefined) changes.funding = fundingInput(body.funding);
  if (body.smeReserved !== undefined) changes.smeReserved = parseYuan(body.smeReserved, 'smeReserved');
  if (body.economicCode !== undefined) changes.economicCode = body.economicCode;
  return changes;
}
