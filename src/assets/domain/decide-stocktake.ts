import { ConflictError, NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import { formatYuan } from '../../common/money/money.js';
import { assetNotFound } from './asset-errors.js';
import { optionalText, requireNonNegativeMoney, requirePastDate, requireText, requireUuid, requireWholeQuantity } from './asset-rules.js';
import { requireAssetEntry } from './decide-asset.js';
import type {
  AssetsCounted,
  StocktakeClosed,
  StocktakeEvent,
  StocktakeOpened,
  SurplusAssetFound,
  UncardedCounted,
} from './stocktake.events.js';
import { divideHalfUp } from '../../common/money/rounding.js';
import { figureOf } from './category-figures.js';
import { stocktakeResult } from './stocktake-result.js';
import type {
  CloseStocktakeData,
  OpenStocktakeData,
  RecordCountsData,
  StocktakeCommand,
  StocktakeDecisionContext,
  StocktakeState,
} from './stocktake.state.js';

/** Counts sent at once; a bigger stocktake sends several batches. */
export const MAX_COUNTS_PER_REQUEST = 5000;
/** Counts per AssetsCounted event, so no event grows with the stocktake. */
export const COUNTS_PER_EVENT = 1000;

export function decideStocktake(
  state: StocktakeState,
  command: StocktakeCommand,
  context: StocktakeDecisionContext = {},
): StocktakeEvent[] {
  switch (command.type) {
    case 'OpenStocktake':
      return [decideOpen(state, command.data, context)];
    case 'RecordCounts':
      return decideCounts(state, command.data, context);
    case 'CloseStocktake':
      return [decideClose(state, command.data, context)];
  }
}

function decideOpen(state: StocktakeState, data: OpenStocktakeData, context: StocktakeDecisionContext): StocktakeOpened {
  if (state.status !== 'empty') throw new ConflictError('STOCKTAKE.ALREADY_EXISTS', `Stocktake ${data.stocktakeId} already exists`);
  if (context.today === undefined || context.scope === undefined)
    throw new Error('OpenStocktake: the handler must resolve today and the scope');
  const asOf = requirePastDate(data.asOf, 'asOf', context.today);
  const { snapshot, cards, book } = context.scope;
  return {
    type: 'StocktakeOpened',
    data: {
      stocktakeId: data.stocktakeId,
      asOf,
      scope: { snapshot },
      cards,
      book: { count: Number(book.count), value: formatYuan(book.value) },
    },
  };
}

/**
 * Counts are taken in bulk and may be corrected while the stocktake is open: the latest count of
 * a card wins, and a count equal to the card's current one writes nothing. Every entry is
 * checked before anything is written, so one bad entry rejects the whole batch.
 */
function decideCounts(
  state: StocktakeState,
  data: RecordCountsData,
  context: StocktakeDecisionContext,
): Array<AssetsCounted | SurplusAssetFound | UncardedCounted> {
  const open = requireOpen(state, data.stocktakeId, 'count');
  const categoryCounts = data.categoryCounts ?? [];
  if (data.counts.length === 0 && data.unknownItems.length === 0 && categoryCounts.length === 0) {
    throw new ValidationError('STOCKTAKE.NOTHING_COUNTED', 'Send at least one entry in counts, unknownItems or categoryCounts', 'counts');
  }
  if (data.counts.length + data.unknownItems.length + categoryCounts.length > MAX_COUNTS_PER_REQUEST) {
    throw new ValidationError('STOCKTAKE.TOO_MANY_COUNTS', `Send at most ${MAX_COUNTS_PER_REQUEST} entries per request`, 'counts');
  }
  const events: Array<AssetsCounted | SurplusAssetFound | UncardedCounted> = [];
  const changed: AssetsCounted['data']['counts'] = [];
  const seen = new Set<string>();
  data.counts.forEach((count, i) => {
    const at = `counts.${i}`;
    const assetId = requireUuid(count.assetId, `${at}.assetId`);
    if (seen.has(assetId))
      throw new ValidationError('STOCKTAKE.COUNTED_TWICE', `${at}.assetId ${assetId} is counted twice in this request`, `${at}.assetId`);
    seen.add(assetId);
    const item = open.items.get(assetId);
    if (!item) {
      if (context.existingAssets === undefined) throw new Error('RecordCounts: the handler must resolve existingAssets');
      if (!context.existingAssets.has(assetId)) throw assetNotFound(assetId, `${at}.assetId`);
      throw new ValidationError(
        'STOCKTAKE.ASSET_NOT_IN_SCOPE',
        `${at}.assetId ${assetId} is not in this stocktake (it was acquired after ${open.asOf}, disposed of by then, or registered after the stocktake opened)`,
        `${at}.assetId`,
      );
    }
    let quantity: bigint;
    if (count.found) {
      quantity = count.quantity === undefined ? item.quantity : requireWholeQuantity(count.quantity, `${at}.quantity`);
    } else {
      if (count.quantity !== undefined && !count.quantity.isZero()) {
        throw new ValidationError(
          'STOCKTAKE.QUANTITY_NOT_FOUND',
          `${at}.quantity must be absent or 0 when found is false`,
          `${at}.quantity`,
        );
      }
      quantity = 0n;
    }
    const note = optionalText(count.note, 'note', `${at}.note`);
    const previous = open.counts.get(assetId);
    if (previous && previous.found === count.found && previous.quantity === quantity && previous.note === note) return;
    changed.push({ assetId, found: count.found, quantity: quantity.toString(), note });
  });
  for (let i = 0; i < changed.length; i += COUNTS_PER_EVENT) {
    events.push({ type: 'AssetsCounted', data: { stocktakeId: open.stocktakeId, counts: changed.slice(i, i + COUNTS_PER_EVENT) } });
  }
  data.unknownItems.forEach((item, i) => {
    const at = `unknownItems.${i}`;
    const name = requireText(item.name, 'name', `${at}.name`);
    const code = typeof item.catalogCode === 'string' ? item.catalogCode.trim() : '';
    const entry = requireAssetEntry(item.catalogCode, context.catalog?.get(code), `${at}.catalogCode`);
    const quantity = requireWholeQuantity(item.quantity, `${at}.quantity`);
    const estimatedValue = requireNonNegativeMoney(item.estimatedValue, `${at}.estimatedValue`);
    events.push({
      type: 'SurplusAssetFound',
      data: {
        stocktakeId: open.stocktakeId,
        itemId: requireUuid(item.itemId, `${at}.itemId`),
        name,
        catalogCode: entry.code,
        category: entry.category!,
        quantity: quantity.toString(),
        estimatedValue: formatYuan(estimatedValue),
        note: optionalText(item.note, 'note', `${at}.note`),
      },
    });
  });
  events.push(...decideCategoryCounts(open, categoryCounts, context));
  return events;
}

/**
 * Uncarded items are counted by category. Without a value the count takes the uncarded book
 * value (prorated half-up when it counts fewer or more items); where nothing is uncarded a value
 * must be given. The same count again writes nothing.
 */
function decideCategoryCounts(
  open: Extract<StocktakeState, { status: 'open' }>,
  rows: NonNullable<RecordCountsData['categoryCounts']>,
  context: StocktakeDecisionContext,
): UncardedCounted[] {
  if (rows.length === 0) return [];
  if (context.uncarded === undefined) throw new Error('RecordCounts: the handler must resolve the uncarded book');
  const seen = new Set<string>();
  const events: UncardedCounted[] = [];
  rows.forEach((row, i) => {
    const at = `categoryCounts.${i}`;
    if (seen.has(row.category)) {
      throw new ValidationError(
        'STOCKTAKE.COUNTED_TWICE',
        `${at}.category ${row.category} is counted twice in this request`,
        `${at}.category`,
      );
    }
    seen.add(row.category);
    if (row.count < 0n) throw new ValidationError('ASSET.COUNT_INVALID', `${at}.count must not be negative`, `${at}.count`);
    const book = figureOf(context.uncarded!, row.category);
    let value: bigint;
    if (row.value !== undefined) value = requireNonNegativeMoney(row.value, `${at}.value`);
    else if (row.count === book.count) value = book.value;
    else if (book.count > 0n) value = divideHalfUp(book.value * row.count, book.count);
    else if (row.count === 0n) value = 0n;
    else {
      throw new ValidationError(
        'STOCKTAKE.VALUE_REQUIRED',
        `${at}.value is required: ${row.category} has no uncarded items on the book to take a value from`,
        `${at}.value`,
      );
    }
    const note = optionalText(row.note, 'note', `${at}.note`);
    const previous = open.categoryCounts.get(row.category);
    if (previous && previous.count === row.count && previous.value === value && previous.note === note) return;
    events.push({
      type: 'UncardedCounted',
      data: { stocktakeId: open.stocktakeId, category: row.category, count: Number(row.count), value: formatYuan(value), note },
    });
  });
  return events;
}

/**
 * Closing is allowed with cards still uncounted: the result lists them apart (neither found nor
 * missing) and leaves them out of the physical figure, so the reconciliation cannot balance
 * until they are counted in a later stocktake.
 */
function decideClose(state: StocktakeState, data: CloseStocktakeData, context: StocktakeDecisionContext): StocktakeClosed {
  const open = requireOpen(state, data.stocktakeId, 'close');
  if (context.today === undefined) throw new Error('CloseStocktake: the handler must resolve today');
  return { type: 'StocktakeClosed', data: stocktakeResult(open, context.today) };
}

function requireOpen(state: StocktakeState, stocktakeId: string, verb: string): Extract<StocktakeState, { status: 'open' }> {
  if (state.status === 'empty')
    throw new NotFoundError('STOCKTAKE.NOT_FOUND', `Stocktake ${stocktakeId} does not exist`, undefined, { stocktakeId });
  if (state.status === 'closed') {
    throw new ConflictError(
      'STOCKTAKE.CLOSED',
      `Stocktake ${stocktakeId} was closed on ${state.result.closedOn}; cannot ${verb} it`,
      undefined,
      {
        stocktakeId,
        closedOn: state.result.closedOn,
      },
    );
  }
  return state;
}
