import { ConflictError, ValidationError } from '../../common/errors/domain-error.js';
import { formatFunding, fundingTotal } from '../../common/funding/funding.js';
import { divideHalfUp } from '../../common/money/rounding.js';
import { formatYuan } from '../../common/money/money.js';
import { categoryCode } from './asset-category.js';
import { assetDisposed, assetNotFound } from './asset-errors.js';
import { requireUsefulLife } from './depreciation.js';
import { optionalText, businessDate, requireNonNegativeMoney, requireText, requireUuid, requireWholeQuantity } from './asset-rules.js';
import type {
  AssetCatalogFacts,
  AssetCommand,
  ChangeAssetDetailsData,
  AssetDecisionContext,
  DisposeAssetData,
  MoveAssetData,
  RegisterAssetData,
} from './asset.commands.js';
import type { AssetDetailsChanged, AssetDisposed, AssetEvent, AssetMoved, AssetMovedData, AssetRegistered } from './asset.events.js';
import type { AssetDetails, AssetState } from './asset.state.js';
import { catalogCodeProblem, normalizeCode } from '../../common/validation/codes.js';

const CATALOG_CODE = /^[ABC]\d{8}$/;

/** The asset-card decider: pure; the handler resolves the catalog entry and today's date first. */
export function decideAsset(state: AssetState, command: AssetCommand, context: AssetDecisionContext = {}): AssetEvent[] {
  switch (command.type) {
    case 'RegisterAsset':
      return [decideRegister(state, command.data, context)];
    case 'MoveAsset':
      return decideMove(state, command.data);
    case 'DisposeAsset':
      return [decideDispose(state, command.data, context)];
    case 'ChangeAssetDetails':
      return decideChangeDetails(state, command.data, context);
  }
}

/** 资产编号: given (trimmed, bounded, not another card's) or the one the handler generated. */
function decideAssetNo(data: RegisterAssetData, context: AssetDecisionContext): string {
  const numbering = context.assetNo;
  if (!numbering) throw new Error('RegisterAsset: the handler must number the card or check the given number');
  if (data.assetNo === undefined) {
    if (numbering.generated === null) throw new Error('RegisterAsset: no number given and none generated');
    return numbering.generated;
  }
  const assetNo = requireText(data.assetNo, 'assetNo');
  if (/\s/.test(assetNo)) throw new ValidationError('ASSET.NUMBER_MALFORMED', 'assetNo must not contain spaces', 'assetNo');
  if (numbering.taken) {
    throw new ConflictError('ASSET.NUMBER_TAKEN', `assetNo ${assetNo} is already another card's in this department`, 'assetNo', {
      assetNo,
    });
  }
  return assetNo;
}

function decideDetails(data: Partial<AssetDetails>, today: string | undefined) {
  return {
    brand: optionalText(data.brand, 'brand'),
    model: optionalText(data.model, 'model'),
    usingDepartment: optionalText(data.usingDepartment, 'usingDepartment'),
    financeEntryDate: data.financeEntryDate == null ? null : businessDate(data.financeEntryDate, 'financeEntryDate', today),
    voucherNo: optionalText(data.voucherNo, 'voucherNo'),
  };
}

function decideRegister(state: AssetState, data: RegisterAssetData, context: AssetDecisionContext): AssetRegistered {
  const assetId = requireUuid(data.assetId, 'assetId');
  if (state.status !== 'empty') {
    throw new ConflictError('ASSET.ALREADY_EXISTS', `Asset ${assetId} already exists`, 'assetId', { assetId });
  }
  const name = requireText(data.name, 'name');
  const entry = requireAssetEntry(data.catalogCode, context.catalog);
  const category = entry.category!;
  const quantity = requireWholeQuantity(data.quantity, 'quantity');
  if (quantity > 1n && !entry.batch) {
    throw new ValidationError(
      'ASSET.QUANTITY_NOT_BATCH',
      `${category} is carded one card per item: quantity must be 1 (only 家具用具 and 图书档案 take batch cards)`,
      'quantity',
    );
  }
  const originalValue = requireNonNegativeMoney(data.originalValue, 'originalValue');
  const unitValue = data.unitValue ?? divideHalfUp(originalValue, quantity);
  const acquiredOn = businessDate(data.acquiredOn, 'acquiredOn', context.today);
  const funding = data.funding ?? {};
  if (data.funding !== undefined && fundingTotal(funding) !== originalValue) {
    throw new ValidationError(
      'ASSET.FUNDING_MISMATCH',
      `funding parts sum to ${formatYuan(fundingTotal(funding))} 元 but originalValue is ${formatYuan(originalValue)} 元`,
      'funding',
    );
  }
  const origin = data.origin ?? null;
  const usefulLifeMonths = decideUsefulLife(data.usefulLifeMonths, entry);
  const assetNo = decideAssetNo(data, context);
  return {
    type: 'AssetRegistered',
    data: {
      assetId,
      assetNo,
      name,
      catalogCode: entry.code,
      catalogName: entry.name,
      category,
      categoryCode: categoryCode(category),
      quantity: quantity.toString(),
      unit: data.unit ?? null,
      originalValue: formatYuan(originalValue),
      unitValue: formatYuan(unitValue),
      acquiredOn,
      source: data.source,
      location: optionalText(data.location, 'location'),
      custodian: optionalText(data.custodian, 'custodian'),
      funding: formatFunding(funding),
      economicCode: origin?.economicCode ?? null,
      purchaseId: origin?.purchaseId ?? null,
      acceptanceId: origin?.acceptanceId ?? null,
      acceptanceSequence: origin?.sequence ?? null,
      ...decideDetails(data, context.today),
      usage: data.usage ?? 'in_use',
      usefulLifeMonths,
    },
  };
}

/** A life the card sets: at least its class's minimum, and only for a class that is depreciated (400 naming the field). */
function decideUsefulLife(value: unknown, entry: AssetCatalogFacts): number | null {
  if (value === undefined || value === null) return null;
  if (entry.minimumLifeMonths === undefined) throw new Error('RegisterAsset: the handler must resolve the minimum life of the class');
  return requireUsefulLife(value, entry.minimumLifeMonths, entry.code);
}

function decideChangeDetails(state: AssetState, data: ChangeAssetDetailsData, context: AssetDecisionContext): AssetDetailsChanged[] {
  if (state.status === 'empty') throw assetNotFound(data.assetId);
  if (state.status === 'disposed') throw assetDisposed(data.assetId, state.disposal.disposedOn, 'change');
  const { card } = state;
  const given = Object.entries(data).filter(([field, value]) => field !== 'assetId' && value !== undefined);
  if (given.length === 0) {
    throw new ValidationError('ASSET.NOTHING_TO_CHANGE', 'Give at least one field to change (null clears one)', 'name');
  }
  if (data.name === null) throw new ValidationError('ASSET.REQUIRED', 'name is required and must not be blank', 'name');
  if (data.usage === null)
    throw new ValidationError('ASSET.REQUIRED', 'usage cannot be cleared: give 在用, 闲置, 出租出借 or 待处置', 'usage');
  const next: AssetDetails = {
    name: data.name === undefined ? card.name : requireText(data.name, 'name'),
    unit: data.unit === undefined ? card.unit : data.unit === null ? null : data.unit.trim() || null,
    usage: data.usage ?? card.usage,
    ...decideDetails(
      {
        brand: data.brand === undefined ? card.brand : data.brand,
        model: data.model === undefined ? card.model : data.model,
        usingDepartment: data.usingDepartment === undefined ? card.usingDepartment : data.usingDepartment,
        financeEntryDate: data.financeEntryDate === undefined ? card.financeEntryDate : data.financeEntryDate,
        voucherNo: data.voucherNo === undefined ? card.voucherNo : data.voucherNo,
      },
      context.today,
    ),
  };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of Object.keys(next) as Array<keyof AssetDetails>) {
    if (next[field] !== card[field]) changes[field] = { from: card[field], to: next[field] };
  }
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'AssetDetailsChanged', data: { assetId: card.assetId, changes } }];
}

function decideMove(state: AssetState, data: MoveAssetData): AssetMoved[] {
  if (state.status === 'empty') throw assetNotFound(data.assetId);
  if (state.status === 'disposed') throw assetDisposed(data.assetId, state.disposal.disposedOn, 'move');
  if (data.location === undefined && data.custodian === undefined) {
    throw new ValidationError('ASSET.NOTHING_TO_MOVE', 'Give location or custodian (null clears one)', 'location');
  }
  const changes: AssetMovedData['changes'] = {};
  const location = data.location === undefined ? state.card.location : optionalText(data.location, 'location');
  const custodian = data.custodian === undefined ? state.card.custodian : optionalText(data.custodian, 'custodian');
  if (location !== state.card.location) changes.location = { from: state.card.location, to: location };
  if (custodian !== state.card.custodian) changes.custodian = { from: state.card.custodian, to: custodian };
  return Object.keys(changes).length === 0 ? [] : [{ type: 'AssetMoved', data: { assetId: state.card.assetId, changes } }];
}

function decideDispose(state: AssetState, data: DisposeAssetData, context: AssetDecisionContext): AssetDisposed {
  if (state.status === 'empty') throw assetNotFound(data.assetId);
  if (state.status === 'disposed') {
    throw new ConflictError(
      'ASSET.ALREADY_DISPOSED',
      `Asset ${data.assetId} was already disposed of on ${state.disposal.disposedOn}`,
      undefined,
      {
        assetId: data.assetId,
        disposedOn: state.disposal.disposedOn,
      },
    );
  }
  const { card } = state;
  const disposedOn = businessDate(data.disposedOn, 'disposedOn', context.today);
  if (disposedOn < card.acquiredOn) {
    throw new ValidationError(
      'ASSET.DISPOSED_BEFORE_ACQUIRED',
      `disposedOn ${disposedOn} is before the asset was acquired on ${card.acquiredOn}`,
      'disposedOn',
    );
  }
  return {
    type: 'AssetDisposed',
    data: {
      assetId: card.assetId,
      disposedOn,
      method: data.method,
      reason: requireText(data.reason, 'reason'),
      quantity: card.quantity.toString(),
      value: formatYuan(card.originalValue),
    },
  };
}

/** Only goods with a disclosure category are carded; a 400 says which rule the code breaks. */
export function requireAssetEntry(code: unknown, facts: AssetCatalogFacts | null | undefined, field = 'catalogCode'): AssetCatalogFacts {
  const trimmed = String(normalizeCode(typeof code === 'string' ? code : ''));
  if (!CATALOG_CODE.test(trimmed)) {
    throw new ValidationError(
      'ASSET.CATALOG_CODE_MALFORMED',
      `${field} ${catalogCodeProblem(trimmed) ?? 'is malformed'}; a 政府采购品目 code is A, B or C followed by 8 digits, e.g. A02021301`,
      field,
    );
  }
  if (facts === undefined) throw new Error(`${field}: the handler must resolve the catalog entry (null when not found)`);
  if (facts === null) {
    throw new ValidationError('ASSET.CATALOG_CODE_UNKNOWN', `${field} ${trimmed} is not in the 2022 procurement catalog`, field);
  }
  if (facts.code !== trimmed) throw new Error(`Catalog entry ${facts.code} was resolved for code ${trimmed}`);
  if (facts.type !== 'goods') {
    throw new ValidationError(
      'ASSET.NOT_GOODS',
      `${field} ${trimmed} (${facts.name}) is ${facts.type === 'services' ? 'a service' : 'works'}: only goods (A codes) are fixed assets`,
      field,
    );
  }
  if (facts.category === null) {
    throw new ValidationError(
      'ASSET.NOT_AN_ASSET',
      `${field} ${trimmed} (${facts.name}) is a consumable with no fixed-asset category`,
      field,
    );
  }
  return facts;
}
