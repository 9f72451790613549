import type { AssetState } from './asset.state.js';
import { evolveAsset } from './evolve-asset.js';
import type { ImportedCard } from './register-import.events.js';

/**
 * A migrated card as its AssetsImported event carried it: the state the card's own stream
 * starts from (its first AssetMoved, AssetDetailsChanged or AssetDisposed follows it).
 */
export function importedAssetState(card: ImportedCard): AssetState {
  const { row: _row, accumulatedDepreciation: _depreciation, ...fields } = card;
  return evolveAsset(
    { status: 'empty' },
    {
      type: 'AssetRegistered',
      data: { ...fields, economicCode: null, purchaseId: null, acceptanceId: null, acceptanceSequence: null, usefulLifeMonths: null },
    },
  );
}
