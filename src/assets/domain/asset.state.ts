import type { FundingSplit } from '../../common/funding/funding.js';
import type { Fen } from '../../common/money/money.js';
import type { AssetCategoryName } from './asset-category.js';
import type { AssetSource, DisposalMethod } from './asset-vocabulary.js';

export type AssetCard = {
  assetId: string;
  name: string;
  catalogCode: string;
  catalogName: string;
  category: AssetCategoryName;
  /** Whole items; > 1 only for a batch card. */
  quantity: bigint;
  unit: string | null;
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
