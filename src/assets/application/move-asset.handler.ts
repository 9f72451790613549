import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { decideAsset } from '../domain/decide-asset.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { MoveAssetCommand } from './asset.commands.js';
import { assetStream, cardAfter, importedOrigin } from './asset-stream.js';
import type { AssetView } from './asset.view.js';
import { Clock } from './clock.js';

@CommandHandler(MoveAssetCommand)
export class MoveAssetHandler implements ICommandHandler<MoveAssetCommand, AssetView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly assets: AssetRepository,
    private readonly clock: Clock,
  ) {}

  execute({ move, context }: MoveAssetCommand): Promise<AssetView> {
    return this.runner.run(context, async (tx) => {
      // A move has no date of its own: it is filed under the year it is recorded in.
      await this.streams.run(tx, {
        ...assetStream(move.assetId, await this.clock.today(tx.manager), await importedOrigin(tx, this.assets, move.assetId)),
        decide: (state) => decideAsset(state, { type: 'MoveAsset', data: move }),
      });
      return cardAfter(tx, this.assets, move.assetId);
    });
  }
}
