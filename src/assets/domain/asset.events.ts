import { z } from 'zod';
import { FUNDING_SOURCES } from '../../common/funding/funding.js';
import { defineEvent, EventCodec, type EventOf, payload } from '../../event-log/index.js';
import { yearOf } from './asset-rules.js';
import { ASSET_SOURCES, DISPOSAL_METHODS, type AssetSource, type DisposalMethod } from './asset-vocabulary.js';
import { category, wholeItems } from './event-payload.js';

const { yuan, calendarDate, id } = payload;

/*
 * Public contract (schemaVersion 1) of the asset-<id> streams: camelCase, money as 元 strings
 * with 2 decimals, quantities as decimal strings. Department and budget year travel in the
 * envelope (the purchase's year for cards from an acceptance, else the year of the event's date).
 */

const keys = <K extends string>(table: Record<K, string>) => Object.keys(table) as [K, ...K[]];
const text = z.string();
const change = z.strictObject({ from: text.nullable(), to: text.nullable() }).optional();

export const AssetRegisteredV1 = defineEvent(
  'AssetRegistered',
  1,
  z.strictObject({
    assetId: id,
    name: text,
    catalogCode: text,
    catalogName: text,
    category,
    categoryCode: text,
    /** "1" unless a batch card. */
    quantity: wholeItems,
    unit: text.nullable(),
    /** 原值 of the whole card. */
    originalValue: yuan,
    /** originalValue / quantity (rounded half-up for a batch card). */
    unitValue: yuan,
    acquiredOn: calendarDate,
    source: z.enum(keys<AssetSource>(ASSET_SOURCES)),
    location: text.nullable(),
    custodian: text.nullable(),
    /** 元 by funding source, summing to originalValue; {} when not known. */
    funding: z.partialRecord(z.enum(FUNDING_SOURCES), yuan),
    economicCode: text.nullable(),
    /** Set for cards registered from a purchase acceptance. */
    purchaseId: id.nullable(),
    acceptanceId: id.nullable(),
    /** 1-based position of the card among the cards of its acceptance. */
    acceptanceSequence: z.number().int().positive().nullable(),
  }),
);

/** Only the fields that changed, old and new (null: cleared). */
export const AssetMovedV1 = defineEvent(
  'AssetMoved',
  1,
  z.strictObject({ assetId: id, changes: z.strictObject({ location: change, custodian: change }) }),
);

export const AssetDisposedV1 = defineEvent(
  'AssetDisposed',
  1,
  z.strictObject({
    assetId: id,
    disposedOn: calendarDate,
    method: z.enum(keys<DisposalMethod>(DISPOSAL_METHODS)),
    reason: text,
    /** What leaves the book: the card's quantity and original value. */
    quantity: wholeItems,
    value: yuan,
  }),
);

export type AssetRegistered = EventOf<typeof AssetRegisteredV1>;
export type AssetMoved = EventOf<typeof AssetMovedV1>;
export type AssetDisposed = EventOf<typeof AssetDisposedV1>;
export type AssetMovedData = AssetMoved['data'];
export type AssetEvent = AssetRegistered | AssetMoved | AssetDisposed;

export const assetEvents = new EventCodec<AssetEvent>([AssetRegisteredV1, AssetMovedV1, AssetDisposedV1]);

/**
 * The year an event of a card is filed under: the year of its own date (acquisition, disposal)
 * or, for a move, which has none, of the day it was recorded.
 */
export function assetEventYear(event: AssetEvent, today: string): number {
  switch (event.type) {
    case 'AssetRegistered':
      return yearOf(event.data.acquiredOn);
    case 'AssetDisposed':
      return yearOf(event.data.disposedOn);
    case 'AssetMoved':
      return yearOf(today);
  }
}
