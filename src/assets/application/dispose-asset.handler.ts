import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { decideAsset } from '../domain/decide-asset.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { DisposeAssetCommand } from './asset.commands.js';
import { assetStream, cardAfter, importedOrigin } from './asset-stream.js';
import type { AssetView } from './asset.view.js';
import { Clock } from './clock.js';

@CommandHandler(DisposeAssetCommand)
export class DisposeAssetHandler implements ICommandHandler<DisposeAssetCommand, AssetView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly assets: AssetRepository,
    private readonly clock: Clock,
  ) {}

  execute({ disposal, context }: DisposeAssetCommand): Promise<AssetView> {
    return this.runner.run(context, async (tx) => {
      // A disposal dated after today is refused; it is filed under the year of its date.
      const today = await this.clock.today(tx.manager);
      await this.streams.run(tx, {
        ...assetStream(disposal.assetId, today, await importedOrigin(tx, this.assets, disposal.assetId)),
        decide: (state) => decideAsset(state, { type: 'DisposeAsset', data: disposal }, { today }),
      });
      return cardAfter(tx, this.assets, disposal.assetId);
    });
  }
}
