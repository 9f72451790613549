import { describe, expect, it } from '@jest/globals';
import { EventDecodeError, type EventCodec } from '../../event-log/index.js';
import { Quantity } from '../../common/money/quantity.js';
import { AssetRegisteredV1, assetEvents } from './asset.events.js';
import { ledgerBalancesEvents, openingHoldingsEvents } from './declarations.events.js';
import { decideAsset } from './decide-asset.js';
import { decideStocktake } from './decide-stocktake.js';
import { foldAsset } from './evolve-asset.js';
import { foldStocktake } from './evolve-stocktake.js';
import { decideLedgerBalances } from './ledger-balances.js';
import { decideOpeningHoldings } from './opening-holdings.js';
import { stocktakeEvents } from './stocktake.events.js';
import { CABINET_ENTRY, CAR_ID, carContext, registerCar, TODAY } from './testing/asset-fixtures.js';

/** As the log keeps it: JSON (which drops undefined keys), at the definition's schema version. */
const stored = <E extends { type: string; data: unknown }>(codec: EventCodec<E>, event: E, streamVersion = 1) => {
  const { type, data, schemaVersion } = codec.encode(event);
  return {
    type,
    data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>,
    schemaVersion: schemaVersion ?? 0,
    streamId: 's',
    streamVersion,
  };
};
/** What a decider writes is what its stream's definitions read back, to the letter. */
const roundTrip = <E extends { type: string; data: unknown }>(codec: EventCodec<E>, events: readonly E[]) =>
  events.map((e, i) => codec.decode(stored(codec, e, i + 1)));

const ST = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const PC = '00000000-0000-4000-8000-000000000001';
const ITEM = '00000000-0000-4000-8000-0000000000aa';

describe('the register’s event definitions accept exactly what its deciders write', () => {
  it('asset cards: registered (with and without a purchase, numbered or given a number), details changed, moved, disposed', () => {
    const registered = decideAsset(foldAsset([]), registerCar({ location: '车库', funding: { general_budget: 21_360_000n } }), carContext);
    const fromPurchase = decideAsset(
      foldAsset([]),
      registerCar({
        unit: '辆',
        origin: { purchaseId: PC, acceptanceId: ITEM, sequence: 1, economicCode: '31013' },
        unitValue: 21_360_000n,
      }),
      { catalog: carContext.catalog, assetNo: { generated: '731-2024-000001', taken: false } },
    );
    const detailed = decideAsset(
      foldAsset([]),
      registerCar({
        assetNo: 'GZ-0001',
        brand: '红旗',
        model: 'H5',
        usingDepartment: '办公室',
        financeEntryDate: '2020-07-01',
        voucherNo: '记-7',
        usage: 'idle',
      }),
      { ...carContext, assetNo: { generated: null, taken: false } },
    );
    const changed = decideAsset(foldAsset(registered), {
      type: 'ChangeAssetDetails',
      data: { assetId: CAR_ID, brand: '红旗', financeEntryDate: '2020-07-01', usage: 'leased', unit: null },
    });
    const moved = decideAsset(foldAsset(registered), { type: 'MoveAsset', data: { assetId: CAR_ID, custodian: '王五' } });
    const cleared = decideAsset(foldAsset([...registered, ...moved]), { type: 'MoveAsset', data: { assetId: CAR_ID, location: null } });
    const disposed = decideAsset(
      foldAsset([...registered, ...moved]),
      { type: 'DisposeAsset', data: { assetId: CAR_ID, disposedOn: TODAY, method: 'scrapped', reason: '报废' } },
      { today: TODAY },
    );
    const all = [...registered, ...fromPurchase, ...detailed, ...changed, ...moved, ...cleared, ...disposed];
    expect(all).toHaveLength(7);
    expect(roundTrip(assetEvents, all)).toEqual(all);
  });

  it('stocktakes: opened, counted, surplus found, closed', () => {
    const opened = decideStocktake(
      foldStocktake([]),
      { type: 'OpenStocktake', data: { stocktakeId: ST, asOf: '2024-12-31' } },
      {
        today: TODAY,
        scope: { snapshot: '900:900:', cards: 1, book: { count: 10n, value: 1_200_000n } },
      },
    );
    // The decisions after opening see the scope's cards, as the handlers read them from the table.
    const listed = opened.map((e) =>
      e.type === 'StocktakeOpened'
        ? {
            ...e,
            data: { ...e.data, scope: { cards: [{ assetId: PC, category: '家具用具' as const, quantity: '10', value: '12000.00' }] } },
          }
        : e,
    );
    const counted = decideStocktake(
      foldStocktake(listed),
      {
        type: 'RecordCounts',
        data: {
          stocktakeId: ST,
          counts: [{ assetId: PC, found: true, quantity: Quantity.fromInteger(12), note: null }],
          unknownItems: [
            { itemId: ITEM, name: '文件柜', catalogCode: 'A05010502', quantity: Quantity.fromInteger(1), estimatedValue: 50_000n },
          ],
        },
      },
      { existingAssets: new Set(), catalog: new Map([['A05010502', CABINET_ENTRY]]) },
    );
    const closed = decideStocktake(
      foldStocktake([...listed, ...counted]),
      { type: 'CloseStocktake', data: { stocktakeId: ST } },
      { today: TODAY },
    );
    const all = [...opened, ...counted, ...closed];
    expect(all.map((e) => e.type)).toEqual(['StocktakeOpened', 'AssetsCounted', 'SurplusAssetFound', 'StocktakeClosed']);
    expect(roundTrip(stocktakeEvents, all)).toEqual(all);
  });

  it('reads a v1 StocktakeOpened (every card listed) as v2 with the cards as its scope', () => {
    const line = { assetId: PC, category: '家具用具', quantity: '10', value: '12000.00' };
    const v1 = {
      type: 'StocktakeOpened',
      schemaVersion: 1,
      streamId: 's',
      streamVersion: 1,
      data: { stocktakeId: ST, asOf: '2024-12-31', items: [line], book: { count: 10, value: '12000.00' } },
    };
    expect(stocktakeEvents.decode(v1)).toEqual({
      type: 'StocktakeOpened',
      data: { stocktakeId: ST, asOf: '2024-12-31', scope: { cards: [line] }, cards: 1, book: { count: 10, value: '12000.00' } },
    });
    // A v2 payload is not a v1 one: a snapshot scope read as v1 is refused, not misread.
    expect(() => stocktakeEvents.decode({ ...v1, data: { ...v1.data, items: undefined, scope: { snapshot: '900:900:' } } })).toThrow(
      EventDecodeError,
    );
  });

  it('declarations: opening holdings and ledger balances', () => {
    const opening = decideOpeningHoldings(new Map(), {
      asOf: '2023-12-31',
      categories: [{ category: '车辆', count: 1n, value: 21_360_000n }],
    });
    const ledger = decideLedgerBalances(null, { year: 2024, categories: [{ category: '车辆', value: 21_360_000n }] });
    expect(roundTrip(openingHoldingsEvents, opening)).toEqual(opening);
    expect(roundTrip(ledgerBalancesEvents, ledger)).toEqual(ledger);
  });

  it('refuses a stored payload that does not match, loudly', () => {
    const [registered] = decideAsset(foldAsset([]), registerCar(), carContext);
    const event = stored(assetEvents, registered);
    expect(() => assetEvents.decode({ ...event, data: { ...event.data, extra: 1 } })).toThrow(EventDecodeError);
    expect(() => assetEvents.decode({ ...event, data: { ...event.data, category: '电脑' } })).toThrow(EventDecodeError);
    expect(() => assetEvents.decode({ ...event, schemaVersion: 4 })).toThrow(EventDecodeError);
    // Read as v2 or v1, a v3 payload has fields they never had.
    expect(() => assetEvents.decode({ ...event, schemaVersion: 2 })).toThrow(EventDecodeError);
    expect(() => assetEvents.decode({ ...event, schemaVersion: 1 })).toThrow(EventDecodeError);
  });

  it('reads a v1 AssetRegistered as v2: the card keeps its id as its number, 在用, no details', () => {
    const [registered] = decideAsset(foldAsset([]), registerCar(), carContext);
    const v2 = stored(assetEvents, registered);
    const v1Fields = Object.keys(AssetRegisteredV1.schema.shape);
    const v1 = { ...v2, schemaVersion: 1, data: Object.fromEntries(Object.entries(v2.data).filter(([k]) => v1Fields.includes(k))) };
    expect(assetEvents.decode(v1)).toEqual({
      type: 'AssetRegistered',
      data: {
        ...registered.data,
        assetNo: CAR_ID,
        brand: null,
        model: null,
        usingDepartment: null,
        financeEntryDate: null,
        voucherNo: null,
        usage: 'in_use',
      },
    });
  });
});
