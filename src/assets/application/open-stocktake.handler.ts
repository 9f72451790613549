import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { requirePastDate, yearOf } from '../domain/asset-rules.js';
import { decideStocktake } from '../domain/decide-stocktake.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { StocktakeRepository } from '../infrastructure/stocktake.repository.js';
import { Clock } from './clock.js';
import { OpenStocktakeCommand } from './stocktake.commands.js';
import { stocktakeAfter, stocktakeStream } from './stocktake-stream.js';
import type { StocktakeView } from './stocktake.view.js';

@CommandHandler(OpenStocktakeCommand)
export class OpenStocktakeHandler implements ICommandHandler<OpenStocktakeCommand, StocktakeView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly assets: AssetRepository,
    private readonly stocktakes: StocktakeRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ department, asOf, context }: OpenStocktakeCommand): Promise<StocktakeView> {
    const stocktakeId = randomUUID();
    const today = await this.clock.today();
    // Checked before the transaction: a malformed date must not reach SQL (the scope query).
    const date = requirePastDate(asOf, 'asOf', today);
    return this.runner.run(context, async (tx) => {
      await this.streams.run(tx, {
        ...stocktakeStream(stocktakeId),
        create: { department, budgetYear: yearOf(date) },
        // The scope is the cards as this transaction sees them; the event refers to them by its snapshot.
        decide: async (state) =>
          decideStocktake(
            state,
            { type: 'OpenStocktake', data: { stocktakeId, asOf } },
            { today, scope: await this.assets.scopeAsOf(tx.manager, department, date) },
          ),
      });
      // Nothing per card is written: the scope stays a reference, read through the snapshot.
      return stocktakeAfter(tx, this.stocktakes, stocktakeId);
    });
  }
}
