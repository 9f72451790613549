import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isUuid } from '../../common/validation/values.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { decideStocktake } from '../domain/decide-stocktake.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { StocktakeRepository } from '../infrastructure/stocktake.repository.js';
import { AssetCatalog } from './asset-catalog.js';
import { RecordCountsCommand } from './stocktake.commands.js';
import { stocktakeAfter } from './stocktake-stream.js';
import { decideOnTable } from './stocktake-table.js';
import type { StocktakeView } from './stocktake.view.js';
import { uncardedAsOf } from './uncarded.js';

@CommandHandler(RecordCountsCommand)
export class RecordCountsHandler implements ICommandHandler<RecordCountsCommand, StocktakeView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly assets: AssetRepository,
    private readonly stocktakes: StocktakeRepository,
    private readonly catalog: AssetCatalog,
  ) {}

  execute({ stocktakeId, counts, unknownItems, categoryCounts, context }: RecordCountsCommand): Promise<StocktakeView> {
    const items = unknownItems.map((item) => ({ ...item, itemId: randomUUID() }));
    // Malformed ids never reach SQL; the decider names them.
    const counted = counts.map((c) => c.assetId).filter(isUuid);
    return this.runner.run(context, async (tx) => {
      await decideOnTable(tx, this.streams, this.stocktakes, stocktakeId, {
        assetIds: counted,
        decide: async (state, header) => {
          // Ids counted outside the scope: are they the department's cards at all (400 "not in
          // this stocktake") or no card (404)?
          const outside = state.status === 'empty' ? [] : counted.filter((id) => !state.items.has(id));
          const codes = items.map((u) => (typeof u.catalogCode === 'string' ? u.catalogCode.trim() : ''));
          const facts = {
            existingAssets: await this.assets.existing(tx.manager, header.department, outside),
            catalog: new Map(codes.map((code) => [code, this.catalog.facts(code)])),
            // The uncarded book as of the stocktake's date, read only when categories are counted.
            uncarded: categoryCounts.length > 0 ? await uncardedAsOf(tx.manager, this.assets, header.department, header.asOf) : undefined,
          };
          const data = { stocktakeId, counts, unknownItems: items, categoryCounts };
          return decideStocktake(state, { type: 'RecordCounts', data }, facts);
        },
      });
      return stocktakeAfter(tx, this.stocktakes, stocktakeId);
    });
  }
}
