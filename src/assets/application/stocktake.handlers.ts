import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CloseStocktakeCommand, OpenStocktakeCommand, RecordCountsCommand } from './stocktake.commands.js';
import { StocktakeWriter } from './stocktake-writer.js';
import type { StocktakeView } from './stocktake.view.js';

@CommandHandler(OpenStocktakeCommand)
export class OpenStocktakeHandler implements ICommandHandler<OpenStocktakeCommand, StocktakeView> {
  constructor(private readonly writer: StocktakeWriter) {}

  execute({ department, asOf, context }: OpenStocktakeCommand): Promise<StocktakeView> {
    const stocktakeId = randomUUID();
    return this.writer.write(stocktakeId, { type: 'OpenStocktake', data: { stocktakeId, asOf } }, context, department);
  }
}

@CommandHandler(RecordCountsCommand)
export class RecordCountsHandler implements ICommandHandler<RecordCountsCommand, StocktakeView> {
  constructor(private readonly writer: StocktakeWriter) {}

  execute({ stocktakeId, counts, unknownItems, context }: RecordCountsCommand): Promise<StocktakeView> {
    const items = unknownItems.map((item) => ({ ...item, itemId: randomUUID() }));
    return this.writer.write(stocktakeId, { type: 'RecordCounts', data: { stocktakeId, counts, unknownItems: items } }, context);
  }
}

@CommandHandler(CloseStocktakeCommand)
export class CloseStocktakeHandler implements ICommandHandler<CloseStocktakeCommand, StocktakeView> {
  constructor(private readonly writer: StocktakeWriter) {}

  execute({ stocktakeId, context }: CloseStocktakeCommand): Promise<StocktakeView> {
    return this.writer.write(stocktakeId, { type: 'CloseStocktake', data: { stocktakeId } }, context);
  }
}
