import { z } from 'zod';
import { defineEvent, EventCodec, type EventOf, payload } from '../../event-log/index.js';
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

export type StocktakeOpened = EventOf<typeof StocktakeOpenedV1>;
export type AssetCounted = EventOf<typeof AssetCountedV1>;
export type SurplusAssetFound = EventOf<typeof SurplusAssetFoundV1>;
export type StocktakeClosed = EventOf<typeof StocktakeClosedV1>;
export type UncardedCounted = EventOf<typeof UncardedCountedV1>;
export type StocktakeEvent = StocktakeOpened | AssetCounted | SurplusAssetFound | UncardedCounted | StocktakeClosed;

export type StocktakeClosedData = StocktakeClosed['data'];
export type FigurePayload = z.output<typeof figure>;

export const stocktakeEvents = new EventCodec<StocktakeEvent>([
  StocktakeOpenedV1,
  AssetCountedV1,
  SurplusAssetFoundV1,
  UncardedCountedV1,
  StocktakeClosedV1,
]);
