import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { decideStocktake } from '../domain/decide-stocktake.js';
import { StocktakeRepository } from '../infrastructure/stocktake.repository.js';
import { Clock } from './clock.js';
import { CloseStocktakeCommand } from './stocktake.commands.js';
import { stocktakeAfter } from './stocktake-stream.js';
import { decideOnTable } from './stocktake-table.js';
import type { StocktakeView } from './stocktake.view.js';

@CommandHandler(CloseStocktakeCommand)
export class CloseStocktakeHandler implements ICommandHandler<CloseStocktakeCommand, StocktakeView> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly stocktakes: StocktakeRepository,
    private readonly clock: Clock,
  ) {}

  execute({ stocktakeId, context }: CloseStocktakeCommand): Promise<StocktakeView> {
    return this.runner.run(context, async (tx) => {
      // The day it is closed on is the result's closedOn.
      const today = await this.clock.today(tx.manager);
      await decideOnTable(tx, this.streams, this.stocktakes, stocktakeId, {
        assetIds: 'closing',
        withSurpluses: true,
        decide: (state) => decideStocktake(state, { type: 'CloseStocktake', data: { stocktakeId } }, { today }),
      });
      return stocktakeAfter(tx, this.stocktakes, stocktakeId);
    });
  }
}
