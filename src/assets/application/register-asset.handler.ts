import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { decideAsset } from '../domain/decide-asset.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { AssetCatalog } from './asset-catalog.js';
import { RegisterAssetCommand } from './asset.commands.js';
import { assetStream, cardAfter } from './asset-stream.js';
import type { AssetView } from './asset.view.js';
import { numberingFor } from './asset-numbering.js';
import { Clock } from './clock.js';

@CommandHandler(RegisterAssetCommand)
export class RegisterAssetHandler implements ICommandHandler<RegisterAssetCommand, AssetView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly assets: AssetRepository,
    private readonly catalog: AssetCatalog,
    private readonly clock: Clock,
  ) {}

  execute({ department, input, context }: RegisterAssetCommand): Promise<AssetView> {
    const assetId = randomUUID();
    return this.runner.run(context, async (tx) => {
      const today = await this.clock.today(tx.manager);
      await this.streams.run(tx, {
        ...assetStream(assetId, today),
        // No year of its own: each event is filed under the year of its date (budgetYearOf).
        create: { department, budgetYear: null },
        decide: async (state) =>
          decideAsset(
            state,
            { type: 'RegisterAsset', data: { ...input, assetId } },
            {
              today,
              catalog: this.catalog.facts(input.catalogCode),
              assetNo: await numberingFor(tx.manager, this.assets, department, input.assetNo, input.acquiredOn),
            },
          ),
      });
      return cardAfter(tx, this.assets, assetId);
    });
  }
}
