import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { decideAsset } from '../domain/decide-asset.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { ChangeAssetDetailsCommand } from './asset.commands.js';
import { assetStream, cardAfter, importedOrigin } from './asset-stream.js';
import type { AssetView } from './asset.view.js';
import { Clock } from './clock.js';

@CommandHandler(ChangeAssetDetailsCommand)
export class ChangeAssetDetailsHandler implements ICommandHandler<ChangeAssetDetailsCommand, AssetView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly assets: AssetRepository,
    private readonly clock: Clock,
  ) {}

  execute({ change, ifMatch, context }: ChangeAssetDetailsCommand): Promise<AssetView> {
    return this.runner.run(context, async (tx) => {
      const today = await this.clock.today(tx.manager);
      // Like a move, a change of details has no date of its own: filed under the year it is recorded in.
      await this.streams.run(tx, {
        ...assetStream(change.assetId, today, await importedOrigin(tx, this.assets, change.assetId)),
        ifMatch,
        decide: (state) => decideAsset(state, { type: 'ChangeAssetDetails', data: change }, { today }),
      });
      return cardAfter(tx, this.assets, change.assetId);
    });
  }
}
