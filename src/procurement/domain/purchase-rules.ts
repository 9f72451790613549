import { ValidationError } from '../../common/errors/domain-error.js';
import { fundingTotal, parseFunding, type FundingSplit } from '../../common/funding/funding.js';
import { formatYuan, type Fen } from '../../common/money/money.js';
import { lineAmount } from '../../common/money/line-amount.js';
import type { Quantity } from '../../common/money/quantity.js';
import type { CatalogEntryFacts, FundingInput, PlanFields, ProjectFacts } from './purchase.commands.js';
import type { PurchasePlan } from './purchase.state.js';
import { catalogCodeProblem, economicCodeProblem, normalizeCode } from '../../common/validation/codes.js';
import { requireNotFuture } from '../../common/validation/business-date.js';
import { isCalendarDate, isUuid } from '../../common/validation/values.js';

/** 政府采购品目分类目录 2022: A/B/C then four 2-digit levels. */
const CATALOG_CODE = /^[ABC]\d{8}$/;
/** 部门预算支出经济分类 款 level: class 301–399 plus 2 digits, e.g. 31002, 30209. */
const ECONOMIC_CODE = /^3\d{4}$/;

/**
 * Text limits in characters (code points, after trimming). The request DTOs declare the same
 * ones, so an over-long field is refused for the same length whichever check sees it first.
 */
export const PURCHASE_LIMITS = {
  itemName: 200,
  unit: 20,
  projectCode: 64,
  supplier: 200,
  contractNo: 100,
  reason: 1000,
} as const;

export type PurchaseTextField = keyof typeof PURCHASE_LIMITS;

export const tooLongMessage = (field: PurchaseTextField): string => `${field} must be at most ${PURCHASE_LIMITS[field]} characters`;

/** Trimmed, non-empty, bounded text. */
export function requireText(value: unknown, field: PurchaseTextField): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new ValidationError('PURCHASE.REQUIRED', `${field} is required and must not be blank`, field);
  if ([...text].length > PURCHASE_LIMITS[field]) throw new ValidationError('PURCHASE.TOO_LONG', tooLongMessage(field), field);
  return text;
}

export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) {
    throw new ValidationError('PURCHASE.INVALID_ID', `${field} must be a UUID`, field);
  }
  return value;
}

/** A real calendar date written YYYY-MM-DD (no 2024-02-30). */
export function requireDate(value: string, field: string): string {
  if (!isCalendarDate(value)) {
    throw new ValidationError('PURCHASE.INVALID_DATE', `${field} must be a real date written YYYY-MM-DD`, field);
  }
  return value;
}

/** A business date: a calendar date, not after `today` when the caller knows the day (domain specs may not). */
export function businessDate(value: string, field: string, today: string | undefined): string {
  const date = requireDate(value, field);
  return today === undefined ? date : requireNotFuture(date, field, today);
}

export function requirePositiveQuantity(quantity: Quantity, field: string): Quantity {
  if (!quantity.isPositive()) {
    throw new ValidationError('QUANTITY.NOT_POSITIVE', `${field} must be greater than 0 (got ${quantity})`, field);
  }
  return quantity;
}

export function requireNonNegativeMoney(amount: Fen, field: string): Fen {
  if (amount < 0n) {
    throw new ValidationError('MONEY.NEGATIVE', `${field} must not be negative money (got ${formatYuan(amount)})`, field);
  }
  return amount;
}

export function requirePositiveMoney(amount: Fen, field: string): Fen {
  requireNonNegativeMoney(amount, field);
  if (amount === 0n) throw new ValidationError('MONEY.NOT_POSITIVE', `${field} must be greater than 0.00 元`, field);
  return amount;
}

/**
 * The DESIGN §4 door rules for a planned purchase. Reports the first broken rule, field by
 * field in form order, then the rules that relate fields; returns the normalised plan.
 */
export function validatePlan(fields: PlanFields, catalogEntry: CatalogEntryFacts | null, project: ProjectFacts | null): PurchasePlan {
  const itemName = requireText(fields.itemName, 'itemName');
  const entry = requireCatalogEntry(fields.catalogCode, catalogEntry);
  const unit = requireText(fields.unit, 'unit');
  const quantity = requirePositiveQuantity(fields.quantity, 'quantity');
  const unitPrice = requirePositiveMoney(fields.unitPrice, 'unitPrice');
  const amount = requirePositiveMoney(fields.amount, 'amount');
  const funding = readFunding(fields.funding);
  const smeReserved = requireNonNegativeMoney(fields.smeReserved ?? 0n, 'smeReserved');
  const explicitLine = fields.economicCode ?? undefined;
  const economicCode = explicitLine === undefined ? (entry.defaultEconomicLine ?? null) : requireEconomicCode(explicitLine);
  const projectCode = requireText(fields.projectCode, 'projectCode');
  if (project === null) {
    throw new ValidationError(
      'PURCHASE.PROJECT_UNKNOWN',
      `projectCode ${projectCode} is not a project of this department and year`,
      'projectCode',
    );
  }

  const expected = lineAmount(quantity, unitPrice);
  if (amount !== expected) {
    throw new ValidationError(
      'PURCHASE.AMOUNT_MISMATCH',
      `amount must equal quantity × unitPrice = ${formatYuan(expected)} 元 (rounded half-up to the fen); got ${formatYuan(amount)} 元`,
      'amount',
      { expected: formatYuan(expected), received: formatYuan(amount) },
    );
  }
  const funded = fundingTotal(funding);
  if (funded === 0n) {
    throw new ValidationError('PURCHASE.FUNDING_EMPTY', 'funding must have at least one source with a positive part', 'funding');
  }
  if (funded !== amount) {
    throw new ValidationError(
      'PURCHASE.FUNDING_MISMATCH',
      `funding parts sum to ${formatYuan(funded)} 元 but the amount is ${formatYuan(amount)} 元`,
      'funding',
      { fundingTotal: formatYuan(funded), amount: formatYuan(amount) },
    );
  }
  if (smeReserved > amount) {
    throw new ValidationError(
      'PURCHASE.SME_EXCEEDS_AMOUNT',
      `smeReserved ${formatYuan(smeReserved)} 元 exceeds the amount ${formatYuan(amount)} 元`,
      'smeReserved',
    );
  }

  return {
    projectCode,
    itemName,
    catalogCode: entry.code,
    catalogName: entry.name,
    procurementType: entry.type,
    unit,
    quantity,
    unitPrice,
    amount,
    funding,
    smeReserved,
    economicCode,
    economicCodeExplicit: explicitLine !== undefined,
  };
}

function requireCatalogEntry(code: string, entry: CatalogEntryFacts | null): CatalogEntryFacts {
  const trimmed = String(normalizeCode(typeof code === 'string' ? code : ''));
  if (!CATALOG_CODE.test(trimmed)) {
    throw new ValidationError(
      'PURCHASE.CATALOG_CODE_MALFORMED',
      `catalogCode ${catalogCodeProblem(trimmed) ?? 'is malformed'}; a 政府采购品目 code is A, B or C followed by 8 digits, e.g. A02021301`,
      'catalogCode',
    );
  }
  if (entry === null) {
    throw new ValidationError(
      'PURCHASE.CATALOG_CODE_UNKNOWN',
      `catalogCode ${trimmed} is not in the 2022 procurement catalog`,
      'catalogCode',
    );
  }
  if (entry.code !== trimmed) throw new Error(`Catalog entry ${entry.code} was resolved for code ${trimmed}`);
  return entry;
}

function requireEconomicCode(code: string): string {
  const trimmed = String(normalizeCode(code));
  if (!ECONOMIC_CODE.test(trimmed)) {
    throw new ValidationError(
      'PURCHASE.ECONOMIC_CODE_MALFORMED',
      `economicCode ${economicCodeProblem(trimmed, 'item') ?? 'is malformed'}; it must be a 5-digit 部门经济分类 code such as 31002`,
      'economicCode',
    );
  }
  return trimmed;
}

/** The positive parts; a negative one is refused like any negative money, naming `funding.<source>`. */
function readFunding(input: FundingInput): FundingSplit {
  return parseFunding(input, 'funding', {
    invalidCode: 'PURCHASE.FUNDING_EMPTY',
    unknownSourceCode: 'PURCHASE.FUNDING_SOURCE_UNKNOWN',
    part: (fen, field) => requireNonNegativeMoney(fen as Fen, field),
  });
}
