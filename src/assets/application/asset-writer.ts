import { Injectable } from '@nestjs/common';
import { requireInScope } from '../../common/auth/department-scope.js';
import type { CommandContext } from '../../common/context/command-context.js';
import { TransactionRunner, type Tx } from '../../database/transaction-runner.js';
import type { ExpectedVersion, StoredEvent, StreamScope } from '../../event-log/domain/event.js';
import { EventStore } from '../../event-log/infrastructure/event-store.js';
import { assetNotFound } from '../domain/asset-errors.js';
import { yearOf } from '../domain/asset-rules.js';
import type { AssetCommand, AssetDecisionContext } from '../domain/asset.commands.js';
import { ASSET_EVENT_SCHEMA_VERSION, type AssetEvent } from '../domain/asset.events.js';
import { type AssetState, initialAssetState } from '../domain/asset.state.js';
import { decideAsset } from '../domain/decide-asset.js';
import { evolveAsset } from '../domain/evolve-asset.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { assetStreamId } from '../infrastructure/streams.js';
import { AssetCatalog } from './asset-catalog.js';
import { assetView, type AssetView } from './asset.view.js';
import { Clock } from './clock.js';

/**
 * The one write path of an asset card: load its stream, decide, append with the version it was
 * decided on, answer with the card as the read model now holds it (same transaction).
 */
@Injectable()
export class AssetWriter {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly store: EventStore,
    private readonly assets: AssetRepository,
    private readonly catalog: AssetCatalog,
    private readonly clock: Clock,
  ) {}

  /** @param department known for a new card; read from the stream for an existing one */
  write(assetId: string, command: AssetCommand, context: CommandContext, department?: string): Promise<AssetView> {
    return this.runner.run(context, async (tx) => {
      const loaded = await this.store.load(tx.manager, assetStreamId(assetId), initialAssetState(), (s: AssetState, e: StoredEvent) =>
        evolveAsset(s, e as unknown as AssetEvent),
      );
      const owner = loaded.scope?.department ?? department;
      if (!owner) throw assetNotFound(assetId);
      // Another department's card answers exactly like a missing one.
      requireInScope(context.actor, owner, () => assetNotFound(assetId));
      const today = this.clock.today();
      const facts: AssetDecisionContext = {
        today,
        ...(command.type === 'RegisterAsset' ? { catalog: this.catalog.facts(command.data.catalogCode) } : {}),
      };
      const events = decideAsset(loaded.state, command, facts);
      await this.append(tx, assetId, owner, events, loaded.expected, today);
      const row = await this.assets.get(tx.manager, assetId);
      if (!row) throw assetNotFound(assetId);
      return assetView(row);
    });
  }

  /**
   * Each event is filed under the year of its own date: acquisition, disposal, or (a move has
   * none) the day it was recorded.
   */
  private async append(tx: Tx, assetId: string, department: string, events: AssetEvent[], expected: ExpectedVersion, today: string) {
    let version = expected;
    for (const event of events) {
      const date =
        event.type === 'AssetRegistered' ? event.data.acquiredOn : event.type === 'AssetDisposed' ? event.data.disposedOn : today;
      const scope: StreamScope = { department, budgetYear: yearOf(date) };
      const [stored] = await this.store.append(
        tx,
        assetStreamId(assetId),
        scope,
        [{ ...event, schemaVersion: ASSET_EVENT_SCHEMA_VERSION }],
        version,
      );
      version = stored.streamVersion;
    }
  }
}
