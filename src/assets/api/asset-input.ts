import { parseFunding } from '../../common/funding/funding.js';
import { parseYuan } from '../../common/money/money.js';
import { parseQuantity, Quantity } from '../../common/money/quantity.js';
import type { RegisterAssetInput } from '../application/asset.commands.js';
import { parseCategory } from '../domain/asset-category.js';
import { parseCount } from '../domain/asset-rules.js';
import { parseAssetSource, parseUsageState } from '../domain/asset-vocabulary.js';
import type { ChangeAssetDetailsData } from '../domain/asset.commands.js';
import type { CategoryFigureInput } from '../domain/opening-holdings.js';
import type { CategoryCountInput, CountInput, UnknownItemInput } from '../domain/stocktake.state.js';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationFailure } from '../../common/http/validation.js';
import {
  type ChangeAssetDetailsRequest,
  CheckedCounts,
  type LedgerBalancesRequest,
  type OpeningHoldingsRequest,
  type RecordCountsRequest,
  type RegisterAssetRequest,
  type StocktakeCountRequest,
} from './dto/asset.requests.js';

/* Client input → domain input: money, quantities and names of things parsed, each under its own field path. */

export function registerInput(body: RegisterAssetRequest): RegisterAssetInput {
  return {
    name: body.name,
    catalogCode: body.catalogCode,
    quantity: body.quantity === undefined ? Quantity.fromInteger(1) : parseQuantity(body.quantity, 'quantity'),
    unit: body.unit?.trim() || null,
    originalValue: parseYuan(body.originalValue, 'originalValue'),
    acquiredOn: body.acquiredOn,
    source: parseAssetSource(body.source),
    location: body.location ?? null,
    custodian: body.custodian ?? null,
    ...(body.funding === undefined ? {} : { funding: parseFunding(body.funding) }),
    ...(body.assetNo === undefined ? {} : { assetNo: body.assetNo }),
    brand: body.brand ?? null,
    model: body.model ?? null,
    usingDepartment: body.usingDepartment ?? null,
    financeEntryDate: body.financeEntryDate ?? null,
    voucherNo: body.voucherNo ?? null,
    ...(body.usage === undefined ? {} : { usage: parseUsageState(body.usage) }),
    ...(body.usefulLifeMonths === undefined ? {} : { usefulLifeMonths: body.usefulLifeMonths }),
  };
}

export function detailsInput(assetId: string, body: ChangeAssetDetailsRequest): ChangeAssetDetailsData {
  return {
    assetId,
    name: body.name,
    unit: body.unit,
    brand: body.brand,
    model: body.model,
    usingDepartment: body.usingDepartment,
    financeEntryDate: body.financeEntryDate,
    voucherNo: body.voucherNo,
    usage: body.usage === undefined ? undefined : parseUsageState(body.usage),
  };
}

export function openingFigures(body: OpeningHoldingsRequest): CategoryFigureInput[] {
  return body.categories.map((c, i) => ({
    category: parseCategory(c.category, `categories.${i}.category`),
    count: BigInt(parseCount(c.count, `categories.${i}.count`)),
    value: parseYuan(c.value, `categories.${i}.value`),
  }));
}

export function ledgerBalances(body: LedgerBalancesRequest) {
  return body.categories.map((c, i) => ({
    category: parseCategory(c.category, `categories.${i}.category`),
    value: parseYuan(c.value, `categories.${i}.value`),
  }));
}

const isZero = (value: unknown) => value === 0 || (typeof value === 'string' && /^0+(\.0+)?$/.test(value));

const COUNT_FIELDS = new Set(['assetId', 'found', 'quantity', 'note']);

/** What StocktakeCountRequest's rules accept, checked in one loop (the decider then checks ids and quantities). */
function plainCount(c: unknown): c is StocktakeCountRequest {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return false;
  const r = c as Record<string, unknown>;
  for (const key in r) if (!COUNT_FIELDS.has(key)) return false;
  return (
    typeof r.assetId === 'string' &&
    typeof r.found === 'boolean' &&
    (r.quantity === undefined || typeof r.quantity === 'string' || typeof r.quantity === 'number') &&
    (r.note === undefined || (typeof r.note === 'string' && r.note.length <= 2000))
  );
}

/**
 * The counts' entries as the global validation would have them: a batch every entry of which
 * passes the quick check goes on; otherwise the DTO's own rules give the answer (field, code and
 * texts as for any other request).
 */
async function checkedCounts(counts: readonly unknown[] | undefined): Promise<StocktakeCountRequest[]> {
  if (counts === undefined || counts.every(plainCount)) return (counts ?? []) as StocktakeCountRequest[];
  const errors = await validate(plainToInstance(CheckedCounts, { counts }), { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationFailure(errors);
  return counts as StocktakeCountRequest[];
}

export async function countsInput(body: RecordCountsRequest): Promise<{
  counts: CountInput[];
  unknownItems: Array<Omit<UnknownItemInput, 'itemId'>>;
  categoryCounts: CategoryCountInput[];
}> {
  return {
    categoryCounts: (body.categoryCounts ?? []).map((c, i) => ({
      category: parseCategory(c.category, `categoryCounts.${i}.category`),
      count: BigInt(parseCount(c.count, `categoryCounts.${i}.count`)),
      ...(c.value === undefined ? {} : { value: parseYuan(c.value, `categoryCounts.${i}.value`) }),
      note: c.note ?? null,
    })),
    counts: (await checkedCounts(body.counts)).map((c, i) => ({
      assetId: c.assetId,
      found: c.found,
      // "Not found, 0 items" is a count too; only a positive number goes through the quantity parser.
      quantity:
        c.quantity === undefined ? undefined : isZero(c.quantity) ? Quantity.ZERO : parseQuantity(c.quantity, `counts.${i}.quantity`),
      note: c.note ?? null,
    })),
    unknownItems: (body.unknownItems ?? []).map((u, i) => ({
      name: u.name,
      catalogCode: u.catalogCode,
      quantity: parseQuantity(u.quantity, `unknownItems.${i}.quantity`),
      estimatedValue: parseYuan(u.estimatedValue, `unknownItems.${i}.estimatedValue`),
      note: u.note ?? null,
    })),
  };
}
