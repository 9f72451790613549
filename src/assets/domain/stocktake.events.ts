import { z } from 'zod';
import { defineEvent, defineUpcaster, EventCodec, type EventOf, payload } from '../../event-log/index.js';
import { category, itemCount, wholeItems } from './event-payload.js';

const { yuan, calendarDate, id } = payload;

/*
 * Public contract (schemaVersion 1) of the stocktake-<id> streams (资产清查/盘点). Counts of items
 * are JSON integers, quantities of a card decimal strings, money 元 strings. The envelope's
 * budget year is the year of asOf.
 */

const text = z.string();
const figure = z.strictObject({ count: itemCount, value: yuan });
const cardLine = z.strictObject({ assetId: id, category, quantity: wholeItems, value: yuan });
const resultFigures = {
  book: figure,
  /** 盘亏: book items not found. */
  shortage: figure,
  /** 盘盈: found beyond a card's quantity, and found items without a card. */
  surplus: figure,
  /** Book items on cards nobody counted before closing: not known to be there, not known missing. */
  uncounted: figure,
  /** What was counted as present: book − shortage − uncounted + surplus. */
  physical: figure,
};

export const StocktakeOpenedV1 = defineEvent(
  'StocktakeOpened',
  1,
  z.strictObject({
    stocktakeId: id,
    asOf: calendarDate,
    /**
     * The cards in scope, as the register held them as of asOf when the stocktake was opened:
     * acquired on or before asOf and not disposed of by then. Carried in the event so the scope is
     * a fact of the log (a rebuild does not recompute it from cards that may have changed since).
     */
    items: z.array(cardLine),
    book: figure,
  }),
);

/**
 * v2: the scope by reference, so opening over a million cards is one small event. `snapshot` is
 * the PostgreSQL snapshot (pg_snapshot text, `xmin:xmax:xip,…`) of the statement that summed the
 * book: the scope is the department's cards whose registering transaction it saw, acquired on or
 * before asOf and not disposed of by then in a transaction it saw. A snapshot and not a position
 * alone: positions are handed out before commit, so a card at a lower position may have been
 * uncommitted (invisible) when the stocktake opened, and a rebuild must leave it out too.
 * Stocktakes opened before v2 keep their listed cards (`scope.cards`, read from v1).
 */
export const StocktakeOpenedV2 = defineEvent(
  'StocktakeOpened',
  2,
  z.strictObject({
    stocktakeId: id,
    asOf: calendarDate,
    scope: z.union([
      z.strictObject({
        snapshot: z
          .string()
          .regex(/^\d+:\d+:(\d+(,\d+)*)?$/)
          .meta({ examples: ['1042:1045:1042,1043'] }),
      }),
      z.strictObject({ cards: z.array(cardLine) }),
    ]),
    /** Cards in scope. */
    cards: itemCount,
    book: figure,
  }),
);

const stocktakeOpenedV1toV2 = defineUpcaster(StocktakeOpenedV1, StocktakeOpenedV2, (d) => ({
  stocktakeId: d.stocktakeId,
  asOf: d.asOf,
  scope: { cards: d.items },
  cards: d.items.length,
  book: d.book,
}));

/** Counts the register no longer writes one per event (AssetsCounted batches them); kept for the log. */
export const AssetCountedV1 = defineEvent(
  'AssetCounted',
  1,
  z.strictObject({
    stocktakeId: id,
    assetId: id,
    found: z.boolean(),
    /** Items found: the card's quantity by default when found, "0" when not. */
    quantity: wholeItems,
    note: text.nullable(),
  }),
);

/** Counts per card, at most 1,000 per event: a stocktake of a million cards appends a thousand of them. */
export const AssetsCountedV1 = defineEvent(
  'AssetsCounted',
  1,
  z.strictObject({
    stocktakeId: id,
    counts: z.array(
      z.strictObject({
        assetId: id,
        found: z.boolean(),
        /** Items found: the card's quantity by default when found, "0" when not. */
        quantity: wholeItems,
        note: text.nullable(),
      }),
    ),
  }),
);

/** An item found that has no card (盘盈 of an unrecorded asset). */
export const SurplusAssetFoundV1 = defineEvent(
  'SurplusAssetFound',
  1,
  z.strictObject({
    stocktakeId: id,
    itemId: id,
    name: text,
    catalogCode: text,
    category,
    quantity: wholeItems,
    estimatedValue: yuan,
    note: text.nullable(),
  }),
);

/**
 * Items of a category counted by number, for the part of the book that has no cards (opening
 * holdings declared as totals). The latest count of a category replaces the earlier one.
 */
export const UncardedCountedV1 = defineEvent(
  'UncardedCounted',
  1,
  z.strictObject({ stocktakeId: id, category, count: itemCount, value: yuan, note: text.nullable() }),
);

export const StocktakeClosedV1 = defineEvent(
  'StocktakeClosed',
  1,
  z.strictObject({
    stocktakeId: id,
    asOf: calendarDate,
    closedOn: calendarDate,
    /** Every category, in disclosure order. */
    categories: z.array(z.strictObject({ category, categoryCode: text, ...resultFigures })),
    total: z.strictObject(resultFigures),
    shortages: z.array(cardLine),
    /** Cards still uncounted at closing. */
    uncounted: z.array(cardLine),
    surpluses: z.array(
      z.strictObject({
        /** The card found in excess of its quantity, or null for an item without a card. */
        assetId: id.nullable(),
        itemId: id.nullable(),
        name: text.nullable(),
        category,
        quantity: wholeItems,
        value: yuan,
      }),
    ),
  }),
);

export type StocktakeOpened = EventOf<typeof StocktakeOpenedV2>;
export type AssetCounted = EventOf<typeof AssetCountedV1>;
export type AssetsCounted = EventOf<typeof AssetsCountedV1>;
export type SurplusAssetFound = EventOf<typeof SurplusAssetFoundV1>;
export type StocktakeClosed = EventOf<typeof StocktakeClosedV1>;
export type UncardedCounted = EventOf<typeof UncardedCountedV1>;
export type StocktakeEvent = StocktakeOpened | AssetCounted | AssetsCounted | SurplusAssetFound | UncardedCounted | StocktakeClosed;

export type StocktakeClosedData = StocktakeClosed['data'];
export type FigurePayload = z.output<typeof figure>;

export const stocktakeEvents = new EventCodec<StocktakeEvent>(
  [StocktakeOpenedV2, AssetCountedV1, AssetsCountedV1, SurplusAssetFoundV1, UncardedCountedV1, StocktakeClosedV1],
  [stocktakeOpenedV1toV2],
);
