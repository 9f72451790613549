import type { FundingSplit } from '../../common/funding/funding.js';
import type { Fen } from '../../common/money/money.js';
import type { AssetCategoryName } from './asset-category.js';
import type { AssetSource, DisposalMethod, UsageState } from './asset-vocabulary.js';

/** What the keeper of a card maintains beside where it is (PATCH /assets/:id). */
export type AssetDetails = {
  name: string;
  unit: string | null;
  brand: string | null;
  model: string | null;
  usingDepartment: string | null;
  financeEntryDate: string | null;
  voucherNo: string | null;
  usage: UsageState;
};

export type AssetCard = AssetDetails & {
  assetId: string;
  /** 资产编号, unique within the department. */
  assetNo: string;
  catalogCode: string;
  catalogName: string;
  category: AssetCategoryName;
  /** Whole items; > 1 only for a batch card. */
  quantity: bigint;
  originalValue: Fen;
  unitValue: Fen;
  acquiredOn: string;
  source: AssetSource;
  location: string | null;
  custodian: string | null;
  funding: FundingSplit;
  economicCode: string | null;
  purchaseId: string | null;
  acceptanceId: string | null;
  acceptanceSequence: number | null;
};

export type Disposal = { disposedOn: string; method: DisposalMethod; reason: string };

/** registered → (moved)* → disposed. `empty` is a stream with no events, never a public status. */
export type AssetState =
  { status: 'empty' } | { status: 'in_use'; card: AssetCard } | { status: 'disposed'; card: AssetCard; disposal: Disposal };

export type AssetStatus = Exclude<AssetState['status'], 'empty'>;
export const ASSET_STATUSES: readonly AssetStatus[] = ['in_use', 'disposed'];

export const initialAssetState = (): AssetState => ({ status: 'empty' });
