import type { FundingSplit } from '../../common/funding/funding.js';
import type { Fen } from '../../common/money/money.js';
import type { Quantity } from '../../common/money/quantity.js';
import type { CatalogType } from '../../catalog/index.js';
import type { AssetCategoryName } from './asset-category.js';
import type { AssetSource, DisposalMethod, UsageState } from './asset-vocabulary.js';
import type { AssetDetails } from './asset.state.js';

/** A catalog entry as the handler resolved it, with its disclosure category (null: not an asset). */
export type AssetCatalogFacts = {
  code: string;
  name: string;
  type: CatalogType;
  category: AssetCategoryName | null;
  /** The category is carded as one batch card (家具用具, 图书档案). */
  batch: boolean;
  /**
   * The guide's minimum useful life of the class in months (财会〔2017〕4号); null: not
   * depreciated. Needed only to check a life a card sets (RegisterAsset `usefulLifeMonths`).
   */
  minimumLifeMonths?: number | null;
};

/** Where a card registered from a purchase acceptance comes from. */
export type AcceptanceOrigin = {
  purchaseId: string;
  acceptanceId: string;
  sequence: number;
  economicCode: string | null;
};

export type RegisterAssetData = {
  assetId: string;
  name: string;
  catalogCode: string;
  quantity: Quantity;
  originalValue: Fen;
  /** Absent: originalValue / quantity, rounded half-up. */
  unitValue?: Fen;
  acquiredOn: string;
  source: AssetSource;
  unit?: string | null;
  location?: string | null;
  custodian?: string | null;
  /** Must sum to originalValue when given. */
  funding?: FundingSplit;
  origin?: AcceptanceOrigin;
  /** Given by the client or an import; absent, the handler numbers the card (`context.assetNo`). */
  assetNo?: string;
  brand?: string | null;
  model?: string | null;
  usingDepartment?: string | null;
  financeEntryDate?: string | null;
  voucherNo?: string | null;
  /** Absent: 在用. */
  usage?: UsageState;
  /** The card's own life in months, never below its class's minimum; absent or null: the minimum. */
  usefulLifeMonths?: unknown;
};

/** `undefined` leaves a field as it is, `null` clears it (name and usage cannot be cleared). */
export type ChangeAssetDetailsData = { assetId: string } & { [K in keyof AssetDetails]?: AssetDetails[K] };

/** `undefined` leaves a field as it is, `null` clears it. */
export type MoveAssetData = { assetId: string; location?: string | null; custodian?: string | null };
export type DisposeAssetData = { assetId: string; disposedOn: string; method: DisposalMethod; reason: string };

export type RegisterAsset = { type: 'RegisterAsset'; data: RegisterAssetData };
export type MoveAsset = { type: 'MoveAsset'; data: MoveAssetData };
export type DisposeAsset = { type: 'DisposeAsset'; data: DisposeAssetData };
export type ChangeAssetDetails = { type: 'ChangeAssetDetails'; data: ChangeAssetDetailsData };
export type AssetCommand = RegisterAsset | MoveAsset | DisposeAsset | ChangeAssetDetails;

/**
 * Facts looked up before deciding. `catalog` is needed by RegisterAsset (null: unknown code).
 * `today` (YYYY-MM-DD) makes dates after it a 400; cards from an acceptance take the
 * acceptance's date as procurement recorded it, so the reactor leaves `today` out.
 */
export type AssetDecisionContext = {
  catalog?: AssetCatalogFacts | null;
  today?: string;
  /**
   * RegisterAsset: the number the card gets when the command gives none (the handler takes the
   * department's next in sequence), and whether a given number is already another card's.
   */
  assetNo?: { generated: string | null; taken: boolean };
};
