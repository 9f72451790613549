import { NotFoundError } from '../../common/errors/domain-error.js';
import type { Tx } from '../../database/transaction-runner.js';
import type { StreamCommand } from '../../event-log/index.js';
import { evolveStocktake, foldStocktake } from '../domain/evolve-stocktake.js';
import { stocktakeEvents, type StocktakeEvent } from '../domain/stocktake.events.js';
import { initialStocktakeState, type StocktakeState } from '../domain/stocktake.state.js';
import type { StocktakeRepository } from '../infrastructure/stocktake.repository.js';
import { stocktakeStreamId } from '../infrastructure/streams.js';
import { stocktakeView, type StocktakeView } from './stocktake.view.js';

const notFound = (stocktakeId: string) =>
  new NotFoundError('STOCKTAKE.NOT_FOUND', `Stocktake ${stocktakeId} does not exist`, undefined, { stocktakeId });

/**
 * What every command on a stocktake's stream shares. The stream stays filed under the year of
 * its asOf (set when it is opened). A long stocktake has thousands of counts: the history is
 * folded with the counts updated in place (foldStocktake), not copied event by event.
 */
export function stocktakeStream(stocktakeId: string): Omit<StreamCommand<StocktakeState, StocktakeEvent>, 'decide'> {
  return {
    streamId: stocktakeStreamId(stocktakeId),
    codec: stocktakeEvents,
    initial: initialStocktakeState(),
    evolve: evolveStocktake,
    fold: foldStocktake,
    notFound: () => notFound(stocktakeId),
  };
}

/** The answer: the stocktake as the read model holds it after the append, in the same transaction. */
export async function stocktakeAfter(tx: Tx, stocktakes: StocktakeRepository, stocktakeId: string): Promise<StocktakeView> {
  const record = await stocktakes.get(tx.manager, stocktakeId);
  if (!record) throw notFound(stocktakeId);
  return stocktakeView(record);
}
