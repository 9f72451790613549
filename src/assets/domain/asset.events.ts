import type { FundingSource } from '../../common/funding/funding.js';
import type { AssetCategoryName } from './asset-category.js';
import type { AssetSource, DisposalMethod } from './asset-vocabulary.js';

/*
 * Public contract (schemaVersion 1) of the asset-<id> streams: camelCase, money as 元 strings
 * with 2 decimals, quantities as decimal strings. Department and budget year travel in the
 * envelope (the purchase's year for cards from an acceptance, else the year of the event's date).
 */
export const ASSET_EVENT_SCHEMA_VERSION = 1;

export type AssetRegisteredData = {
  assetId: string;
  name: string;
  catalogCode: string;
  catalogName: string;
  category: AssetCategoryName;
  categoryCode: string;
  /** "1" unless a batch card. */
  quantity: string;
  unit: string | null;
  /** 原值 of the whole card. */
  originalValue: string;
  /** originalValue / quantity (rounded half-up for a batch card). */
  unitValue: string;
  acquiredOn: string;
  source: AssetSource;
  location: string | null;
  custodian: string | null;
  /** 元 by funding source, summing to originalValue; {} when not known. */
  funding: Partial<Record<FundingSource, string>>;
  economicCode: string | null;
  /** Set for cards registered from a purchase acceptance. */
  purchaseId: string | null;
  acceptanceId: string | null;
  /** 1-based position of the card among the cards of its acceptance. */
  acceptanceSequence: number | null;
};

export type AssetMovedData = {
  assetId: string;
  changes: { location?: { from: string | null; to: string | null }; custodian?: { from: string | null; to: string | null } };
};

export type AssetDisposedData = {
  assetId: string;
  disposedOn: string;
  method: DisposalMethod;
  reason: string;
  /** What leaves the book: the card's quantity and original value. */
  quantity: string;
  value: string;
};

export type AssetRegistered = { type: 'AssetRegistered'; data: AssetRegisteredData };
export type AssetMoved = { type: 'AssetMoved'; data: AssetMovedData };
export type AssetDisposed = { type: 'AssetDisposed'; data: AssetDisposedData };
export type AssetEvent = AssetRegistered | AssetMoved | AssetDisposed;

export const ASSET_EVENT_TYPES: readonly AssetEvent['type'][] = ['AssetRegistered', 'AssetMoved', 'AssetDisposed'];

export function isAssetEvent(event: { type: string }): event is AssetEvent {
  return (ASSET_EVENT_TYPES as readonly string[]).includes(event.type);
}
