import { requireInScope } from '../../common/auth/department-scope.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { Tx } from '../../database/transaction-runner.js';
import type { StreamCommands } from '../../event-log/index.js';
import { stocktakeEvents, type StocktakeEvent } from '../domain/stocktake.events.js';
import type { StocktakeCount, StocktakeItem, StocktakeState } from '../domain/stocktake.state.js';
import type { StocktakeHeader, StocktakeRepository } from '../infrastructure/stocktake.repository.js';
import { stocktakeStreamId } from '../infrastructure/streams.js';

const notFound = (stocktakeId: string) =>
  new NotFoundError('STOCKTAKE.NOT_FOUND', `Stocktake ${stocktakeId} does not exist`, undefined, { stocktakeId });

/**
 * What a command on an existing stocktake needs of its table: which cards ('closing': the scope's
 * book by category and the cards not counted as booked), and its decision.
 */
export interface TableDecision {
  readonly assetIds: readonly string[] | 'closing';
  readonly withSurpluses?: boolean;
  readonly decide: (state: StocktakeState, header: StocktakeHeader) => readonly StocktakeEvent[] | Promise<readonly StocktakeEvent[]>;
}

/**
 * Counting and closing decide from the stocktake's table, not from its stream: a stocktake of a
 * million cards has a thousand AssetsCounted events, and folding them for every batch would make
 * each batch cost more than the last. The stocktake's row is locked first, so commands on one
 * stocktake take turns and the events are appended at the version the decision saw; the
 * projection keeps the table in the same transaction as every append, so it is the state the
 * stream folds to.
 */
/** The stocktake's row, locked for the command; another department's answers like a missing one. */
export async function lockStocktake(tx: Tx, stocktakes: StocktakeRepository, stocktakeId: string): Promise<StocktakeHeader> {
  const header = await stocktakes.lockHeader(tx.manager, stocktakeId);
  if (!header) throw notFound(stocktakeId);
  requireInScope(tx.context.actor, header.department, () => notFound(stocktakeId));
  return header;
}

export async function decideOnTable(
  tx: Tx,
  streams: StreamCommands,
  stocktakes: StocktakeRepository,
  stocktakeId: string,
  decision: TableDecision,
): Promise<readonly StocktakeEvent[]> {
  const header = await lockStocktake(tx, stocktakes, stocktakeId);
  // Closing a million-card stocktake reads its exceptions and per-category sums, not every card.
  const closing = decision.assetIds === 'closing' ? await stocktakes.closing(tx.manager, stocktakeId) : null;
  const rows = closing ? closing.items : await stocktakes.items(tx.manager, stocktakeId, decision.assetIds as readonly string[]);
  const items = new Map<string, StocktakeItem>();
  const counts = new Map<string, StocktakeCount>();
  for (const r of rows) {
    items.set(r.assetId, { assetId: r.assetId, category: r.category, quantity: r.quantity, value: r.value });
    if (r.found !== null) counts.set(r.assetId, { found: r.found, quantity: r.foundQuantity ?? 0n, note: r.note });
  }
  const categoryCounts = new Map(
    (await stocktakes.categoryCounts(tx.manager, stocktakeId)).map((c) => [c.category, { count: c.count, value: c.value, note: c.note }]),
  );
  const taken = {
    stocktakeId,
    asOf: header.asOf,
    items,
    ...(closing ? { book: closing.book } : {}),
    counts,
    surpluses: decision.withSurpluses ? await stocktakes.surpluses(tx.manager, stocktakeId) : [],
    categoryCounts,
  };
  const state: StocktakeState =
    header.status === 'closed' && header.result ? { status: 'closed', result: header.result, ...taken } : { status: 'open', ...taken };
  const events = await decision.decide(state, header);
  if (events.length > 0) {
    await streams.record(
      tx,
      stocktakeStreamId(stocktakeId),
      { department: header.department, budgetYear: header.budgetYear },
      stocktakeEvents,
      events,
    );
  }
  return events;
}
