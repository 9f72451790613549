import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import type { CategoryCountInput, CountInput, UnknownItemInput } from '../domain/stocktake.state.js';
import type { StocktakeView } from './stocktake.view.js';

export class OpenStocktakeCommand extends Command<StocktakeView> {
  constructor(
    readonly department: string,
    readonly asOf: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RecordCountsCommand extends Command<StocktakeView> {
  constructor(
    readonly stocktakeId: string,
    readonly counts: readonly CountInput[],
    readonly unknownItems: ReadonlyArray<Omit<UnknownItemInput, 'itemId'>>,
    readonly categoryCounts: readonly CategoryCountInput[],
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class CloseStocktakeCommand extends Command<StocktakeView> {
  constructor(
    readonly stocktakeId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}
