import type { Tx } from '../../database/transaction-runner.js';
import type { StreamCommand, StreamScope } from '../../event-log/index.js';
import { assetNotFound } from '../domain/asset-errors.js';
import { assetEventYear, assetEvents, type AssetEvent } from '../domain/asset.events.js';
import { type AssetState, initialAssetState } from '../domain/asset.state.js';
import { evolveAsset } from '../domain/evolve-asset.js';
import { importedAssetState } from '../domain/imported-card.js';
import { type ImportedCard, importedCard } from '../domain/register-import.events.js';
import type { AssetRepository } from '../infrastructure/asset.repository.js';
import { assetStreamId } from '../infrastructure/streams.js';
import { assetView, type AssetView } from './asset.view.js';

/**
 * What every command on a card's stream shares. Each event is filed under the year of its own
 * date (acquisition, disposal) or, for a move, of `today`; a card of another department answers
 * exactly like a missing one.
 */
export function assetStream(
  assetId: string,
  today: string,
  imported: ImportedOrigin | null = null,
): Omit<StreamCommand<AssetState, AssetEvent>, 'decide'> {
  return {
    streamId: assetStreamId(assetId),
    codec: assetEvents,
    // A migrated card's stream starts from the card as imported, filed under its department.
    initial: imported ? importedAssetState(imported.card) : initialAssetState(),
    ...(imported ? { create: imported.scope } : {}),
    evolve: evolveAsset,
    notFound: () => assetNotFound(assetId),
    budgetYearOf: (event) => assetEventYear(event, today),
  };
}

/** Where a migrated card came from: its AssetsImported data and scope; null for any other card. */
export type ImportedOrigin = { card: ImportedCard; scope: StreamScope };

export async function importedOrigin(tx: Tx, assets: AssetRepository, assetId: string): Promise<ImportedOrigin | null> {
  const row = await assets.importedCard(tx.manager, assetId);
  return row && { card: importedCard.parse(row.card), scope: { department: row.department, budgetYear: null } };
}

/** The answer: the card as the read model holds it after the append, in the same transaction. */
export async function cardAfter(tx: Tx, assets: AssetRepository, assetId: string): Promise<AssetView> {
  const row = await assets.get(tx.manager, assetId);
  if (!row) throw assetNotFound(assetId);
  return assetView(row);
}
