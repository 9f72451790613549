import { z } from 'zod';
import { FUNDING_SOURCES } from '../../common/funding/funding.js';
import { defineEvent, EventCodec, type EventOf, payload } from '../../event-log/index.js';
import { ASSET_SOURCES, USAGE_STATES, type AssetSource, type UsageState } from './asset-vocabulary.js';
import { category, wholeItems } from './event-payload.js';

const { yuan, calendarDate, id } = payload;
const keys = <K extends string>(table: Record<K, string>) => Object.keys(table) as [K, ...K[]];
const text = z.string();

/** One migrated card, whole. */
export const importedCard = z.strictObject({
  assetId: id,
  assetNo: text,
  /** Row of the file the card was read from. */
  row: z.number().int().positive(),
  name: text,
  catalogCode: text,
  catalogName: text,
  category,
  categoryCode: text,
  quantity: wholeItems,
  unit: text.nullable(),
  originalValue: yuan,
  unitValue: yuan,
  acquiredOn: calendarDate,
  source: z.enum(keys<AssetSource>(ASSET_SOURCES)),
  location: text.nullable(),
  custodian: text.nullable(),
  funding: z.partialRecord(z.enum(FUNDING_SOURCES), yuan),
  brand: text.nullable(),
  model: text.nullable(),
  usingDepartment: text.nullable(),
  financeEntryDate: calendarDate.nullable(),
  voucherNo: text.nullable(),
  usage: z.enum(keys<UsageState>(USAGE_STATES)),
  /** 累计折旧 at migration, when the register had one. */
  accumulatedDepreciation: yuan.nullable(),
});

/**
 * Cards migrated from an existing register (stream `register-import-<dept>-<content hash>`): one
 * event per batch of at most 1,000 cards, carrying each card whole, so a rebuild re-creates
 * every card from the log. Later events of a card go to its own asset-<id> stream.
 */
export const AssetsImportedV1 = defineEvent(
  'AssetsImported',
  1,
  z.strictObject({
    /** sha256 of the file: the same file again is the same stream, which exists, so nothing is written. */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    batch: z.number().int().positive(),
    batches: z.number().int().positive(),
    cards: z.array(importedCard).min(1).max(1000),
  }),
);

export type AssetsImported = EventOf<typeof AssetsImportedV1>;
export type ImportedCard = AssetsImported['data']['cards'][number];

export const registerImportEvents = new EventCodec<AssetsImported>([AssetsImportedV1]);

export const IMPORT_BATCH_SIZE = 1000;
