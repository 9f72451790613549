import { z } from 'zod';
import { FUNDING_SOURCES } from '../../common/funding/funding.js';
import { defineEvent, defineUpcaster, EventCodec, type EventOf, payload } from '../../event-log/index.js';
import { yearOf } from './asset-rules.js';
import {
  ASSET_SOURCES,
  DISPOSAL_METHODS,
  USAGE_STATES,
  type AssetSource,
  type DisposalMethod,
  type UsageState,
} from './asset-vocabulary.js';
import { category, wholeItems } from './event-payload.js';

const { yuan, calendarDate, id } = payload;

/*
 * Public contract of the asset-<id> streams: camelCase, money as 元 strings
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

const usage = z.enum(keys<UsageState>(USAGE_STATES));

/** The fields of a card its keeper maintains (PATCH /assets/:id), each null when not recorded. */
const details = {
  brand: text.nullable(),
  model: text.nullable(),
  usingDepartment: text.nullable(),
  /** 财务入账日期 */
  financeEntryDate: calendarDate.nullable(),
  /** 会计凭证号 */
  voucherNo: text.nullable(),
  /** 使用状况 */
  usage,
};

/** v2: the card's number (资产编号, unique in its department) and the register's descriptive fields. */
export const AssetRegisteredV2 = defineEvent(
  'AssetRegistered',
  2,
  z.strictObject({ ...AssetRegisteredV1.schema.shape, assetNo: text, ...details }),
);

/**
 * Cards registered before numbering keep their id as their number: unique, and stable across
 * rebuilds, which a sequence handed out during a replay would not be.
 */
export const assetRegisteredV1toV2 = defineUpcaster(AssetRegisteredV1, AssetRegisteredV2, (d) => ({
  ...d,
  assetNo: d.assetId,
  brand: null,
  model: null,
  usingDepartment: null,
  financeEntryDate: null,
  voucherNo: null,
  usage: 'in_use' as const,
}));

/**
 * v3: the card's own useful life (折旧年限) in months when its keeper set one, at least the
 * guide's minimum for its class (财会〔2017〕4号, assets/data/useful-lives.ts); null: the minimum.
 */
export const AssetRegisteredV3 = defineEvent(
  'AssetRegistered',
  3,
  z.strictObject({ ...AssetRegisteredV2.schema.shape, usefulLifeMonths: z.number().int().positive().nullable() }),
);

/** Cards registered before a card could set its life depreciate over the minimum. */
export const assetRegisteredV2toV3 = defineUpcaster(AssetRegisteredV2, AssetRegisteredV3, (d) => ({ ...d, usefulLifeMonths: null }));

const dateChange = z.strictObject({ from: calendarDate.nullable(), to: calendarDate.nullable() }).optional();

/** Only the fields that changed, old and new (null: cleared). */
export const AssetDetailsChangedV1 = defineEvent(
  'AssetDetailsChanged',
  1,
  z.strictObject({
    assetId: id,
    changes: z.strictObject({
      name: z.strictObject({ from: text, to: text }).optional(),
      unit: change,
      brand: change,
      model: change,
      usingDepartment: change,
      financeEntryDate: dateChange,
      voucherNo: change,
      usage: z.strictObject({ from: usage, to: usage }).optional(),
    }),
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

export type AssetRegistered = EventOf<typeof AssetRegisteredV3>;
export type AssetDetailsChanged = EventOf<typeof AssetDetailsChangedV1>;
export type AssetDetailsChanges = AssetDetailsChanged['data']['changes'];
export type AssetMoved = EventOf<typeof AssetMovedV1>;
export type AssetDisposed = EventOf<typeof AssetDisposedV1>;
export type AssetMovedData = AssetMoved['data'];
export type AssetEvent = AssetRegistered | AssetMoved | AssetDisposed | AssetDetailsChanged;

export const assetEvents = new EventCodec<AssetEvent>(
  [AssetRegisteredV3, AssetMovedV1, AssetDisposedV1, AssetDetailsChangedV1],
  [assetRegisteredV1toV2, assetRegisteredV2toV3],
);

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
    case 'AssetDetailsChanged':
      return yearOf(today);
  }
}
