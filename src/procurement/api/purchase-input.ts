import { type Fen, parseYuan } from '../../common/money/money.js';
import { parseQuantity } from '../../common/money/quantity.js';
import type { FundingInput, PlanFields, PurchaseChanges } from '../domain/purchase.commands.js';
import type { AmendPurchaseRequest, PlanPurchaseRequest } from './dto/purchase.requests.js';

/** Each part parsed as money under its own field name; unknown sources are the domain's to reject. */
function fundingInput(funding: unknown): FundingInput {
  const parts: Record<string, Fen> = {};
  for (const [source, value] of Object.entries(funding as object)) parts[source] = parseYuan(value, `funding.${source}`);
  return parts;
}

/** How each non-text plan field is read off the wire; text goes to the domain as sent. */
const PARSE: Partial<Record<keyof PlanFields, (value: unknown, field: string) => unknown>> = {
  quantity: parseQuantity,
  unitPrice: parseYuan,
  amount: parseYuan,
  smeReserved: parseYuan,
  funding: fundingInput,
};

/** The plan fields a request gives, parsed; an absent one stays absent (the DTO has whitelisted the keys). */
function parsed(body: object): PurchaseChanges {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined) fields[key] = PARSE[key as keyof PlanFields]?.(value, key) ?? value;
  }
  return fields;
}

/** The DTO has required every field a plan must have. */
export const planOf = (body: PlanPurchaseRequest): PlanFields => parsed(body) as PlanFields;

export const changesOf = (body: AmendPurchaseRequest): PurchaseChanges => parsed(body);
