import { describe, expect, it } from '@jest/globals';
import { ConflictError, NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import { Quantity } from '../../common/money/quantity.js';
import { deciderSpecification } from '../../common/testing/given-when-then.js';
import { decideStocktake } from './decide-stocktake.js';
import { stocktakeResult } from './stocktake-result.js';
import { evolveStocktake, foldStocktake } from './evolve-stocktake.js';
import { type AssetCounted, type AssetsCounted, type StocktakeEvent, stocktakeEvents, type StocktakeOpened } from './stocktake.events.js';
import {
  initialStocktakeState,
  type StocktakeCommand,
  type StocktakeDecisionContext,
  type OpeningScope,
  type StocktakeState,
} from './stocktake.state.js';
import { CABINET_ENTRY } from './testing/asset-fixtures.js';

const { given } = deciderSpecification<StocktakeState, StocktakeCommand, StocktakeEvent, StocktakeDecisionContext>({
  decide: decideStocktake,
  evolve: evolveStocktake,
  initialState: initialStocktakeState,
});

const ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const PC1 = '00000000-0000-4000-8000-000000000001';
const PC2 = '00000000-0000-4000-8000-000000000002';
const CABINETS = '00000000-0000-4000-8000-000000000003';
const OTHER = '00000000-0000-4000-8000-000000000009';
const SURPLUS = '00000000-0000-4000-8000-0000000000aa';

const SNAPSHOT = '1042:1045:1042,1043';
const SCOPE: OpeningScope = { snapshot: SNAPSHOT, cards: 3, book: { count: 12n, value: 2_200_000n } };

const opened: StocktakeOpened = {
  type: 'StocktakeOpened',
  data: {
    stocktakeId: ID,
    asOf: '2024-12-31',
    // Listed, as a stocktake opened before v2 reads: the decider's cases need the cards in state.
    scope: {
      cards: [
        { assetId: PC1, category: '通用设备（除车辆）', quantity: '1', value: '5000.00' },
        { assetId: PC2, category: '通用设备（除车辆）', quantity: '1', value: '5000.00' },
        { assetId: CABINETS, category: '家具用具', quantity: '10', value: '12000.00' },
      ],
    },
    cards: 3,
    book: { count: 12, value: '22000.00' },
  },
};
const counted = (assetId: string, found: boolean, quantity: string, note: string | null = null): AssetCounted => ({
  type: 'AssetCounted',
  data: { stocktakeId: ID, assetId, found, quantity, note },
});
const countedBatch = (entries: AssetsCounted['data']['counts']): AssetsCounted => ({
  type: 'AssetsCounted',
  data: { stocktakeId: ID, counts: entries },
});
const counts = (
  entries: Array<{ assetId: string; found: boolean; quantity?: Quantity; note?: string }>,
  unknownItems: object[] = [],
): StocktakeCommand => ({
  type: 'RecordCounts',
  data: { stocktakeId: ID, counts: entries, unknownItems: unknownItems as never },
});
const facts: StocktakeDecisionContext = { existingAssets: new Set([OTHER]), catalog: new Map([['A05010502', CABINET_ENTRY]]) };
const close: StocktakeCommand = { type: 'CloseStocktake', data: { stocktakeId: ID } };
const allCounted = [opened, counted(PC1, true, '1'), counted(PC2, false, '0', '未找到'), counted(CABINETS, true, '12')];

describe('OpenStocktake', () => {
  it('refers to the cards in scope by snapshot, with their number and book total, instead of listing them', () => {
    given([])
      .when({ type: 'OpenStocktake', data: { stocktakeId: ID, asOf: '2024-12-31' } }, { scope: SCOPE, today: '2025-01-05' })
      .then([
        {
          type: 'StocktakeOpened',
          data: { stocktakeId: ID, asOf: '2024-12-31', scope: { snapshot: SNAPSHOT }, cards: 3, book: { count: 12, value: '22000.00' } },
        },
      ]);
  });

  it('refuses an asOf after today or malformed (400 asOf)', () => {
    given([])
      .when({ type: 'OpenStocktake', data: { stocktakeId: ID, asOf: '2025-01-06' } }, { scope: SCOPE, today: '2025-01-05' })
      .thenThrows(ValidationError, 'VALIDATION.FUTURE_DATE', 'asOf');
    given([])
      .when({ type: 'OpenStocktake', data: { stocktakeId: ID, asOf: '2024-12-32' } }, { scope: SCOPE, today: '2025-01-05' })
      .thenThrows(ValidationError, 'ASSET.INVALID_DATE', 'asOf');
  });
});

describe('RecordCounts', () => {
  it('records counts, the card quantity by default, and items found without a card', () => {
    given([opened])
      .when(
        counts(
          [
            { assetId: PC1, found: true },
            { assetId: PC2, found: false, note: ' 未找到 ' },
          ],
          [{ itemId: SURPLUS, name: '文件柜', catalogCode: 'A05010502', quantity: Quantity.fromInteger(1), estimatedValue: 80_000n }],
        ),
        facts,
      )
      .then([
        countedBatch([
          { assetId: PC1, found: true, quantity: '1', note: null },
          { assetId: PC2, found: false, quantity: '0', note: '未找到' },
        ]),
        {
          type: 'SurplusAssetFound',
          data: {
            stocktakeId: ID,
            itemId: SURPLUS,
            name: '文件柜',
            catalogCode: 'A05010502',
            category: '家具用具',
            quantity: '1',
            estimatedValue: '800.00',
            note: null,
          },
        },
      ]);
  });

  it('a recount replaces the count; the same count again writes nothing', () => {
    given([opened, counted(PC2, false, '0')])
      .when(counts([{ assetId: PC2, found: true }]), facts)
      .then([countedBatch([{ assetId: PC2, found: true, quantity: '1', note: null }])]);
    given([opened, counted(PC2, false, '0')])
      .when(counts([{ assetId: PC2, found: false }]), facts)
      .thenNothingHappens();
  });

  it('a card of the department outside the scope is 400, an unknown card 404, naming the entry', () => {
    given([opened])
      .when(
        counts([
          { assetId: PC1, found: true },
          { assetId: OTHER, found: true },
        ]),
        facts,
      )
      .thenThrows(ValidationError, 'STOCKTAKE.ASSET_NOT_IN_SCOPE', 'counts.1.assetId');
    given([opened])
      .when(counts([{ assetId: '00000000-0000-4000-8000-0000000000ff', found: true }]), facts)
      .thenThrows(NotFoundError, 'ASSET.NOT_FOUND', 'counts.0.assetId');
  });

  it('rejects a card twice, items without found, fractions, and unknown items that are not assets', () => {
    given([opened])
      .when(
        counts([
          { assetId: PC1, found: true },
          { assetId: PC1, found: false },
        ]),
        facts,
      )
      .thenThrows(ValidationError, 'STOCKTAKE.COUNTED_TWICE', 'counts.1.assetId');
    given([opened])
      .when(counts([{ assetId: PC1, found: false, quantity: Quantity.fromInteger(1) }]), facts)
      .thenThrows(ValidationError, 'STOCKTAKE.QUANTITY_NOT_FOUND', 'counts.0.quantity');
    given([opened])
      .when(counts([{ assetId: CABINETS, found: true, quantity: Quantity.decode('9.5') }]), facts)
      .thenThrows(ValidationError, 'ASSET.QUANTITY_NOT_WHOLE', 'counts.0.quantity');
    given([opened])
      .when(
        counts([], [{ itemId: SURPLUS, name: '复印纸', catalogCode: 'A05040101', quantity: Quantity.fromInteger(1), estimatedValue: 1n }]),
        {
          ...facts,
          catalog: new Map([['A05040101', { code: 'A05040101', name: '复印纸', type: 'goods' as const, category: null, batch: false }]]),
        },
      )
      .thenThrows(ValidationError, 'ASSET.NOT_AN_ASSET', 'unknownItems.0.catalogCode');
    given([opened]).when(counts([]), facts).thenThrows(ValidationError, 'STOCKTAKE.NOTHING_COUNTED', 'counts');
  });
});

describe('CloseStocktake', () => {
  it('computes shortages and surpluses per card and per category, physical = book − shortage − uncounted + surplus', () => {
    const [closed] = given(allCounted)
      .when(close, { today: '2025-01-05' })
      .then([
        {
          type: 'StocktakeClosed',
          data: expect.objectContaining({ stocktakeId: ID, asOf: '2024-12-31', closedOn: '2025-01-05' }) as never,
        },
      ]);
    if (closed.type !== 'StocktakeClosed') throw new Error('expected StocktakeClosed');
    expect(closed.data.shortages).toEqual([{ assetId: PC2, category: '通用设备（除车辆）', quantity: '1', value: '5000.00' }]);
    // Two cabinets found beyond the card's ten, at the card's unit value of 1,200.00.
    expect(closed.data.surpluses).toEqual([
      { assetId: CABINETS, itemId: null, name: null, category: '家具用具', quantity: '2', value: '2400.00' },
    ]);
    const general = closed.data.categories.find((c) => c.category === '通用设备（除车辆）');
    expect(general).toEqual({
      category: '通用设备（除车辆）',
      categoryCode: 'general_equipment',
      book: { count: 2, value: '10000.00' },
      shortage: { count: 1, value: '5000.00' },
      surplus: { count: 0, value: '0.00' },
      uncounted: { count: 0, value: '0.00' },
      physical: { count: 1, value: '5000.00' },
    });
    expect(closed.data.total).toEqual({
      book: { count: 12, value: '22000.00' },
      shortage: { count: 1, value: '5000.00' },
      surplus: { count: 2, value: '2400.00' },
      uncounted: { count: 0, value: '0.00' },
      physical: { count: 13, value: '19400.00' },
    });
  });

  it('values part of a batch card found short at its share, rounded half-up', () => {
    const events = [
      {
        ...opened,
        data: {
          ...opened.data,
          scope: { cards: [{ assetId: CABINETS, category: '家具用具' as const, quantity: '3', value: '1000.00' }] },
          cards: 1,
        },
      },
      counted(CABINETS, true, '2'),
    ];
    const [closed] = decideStocktake(foldStocktake(events), close, { today: '2025-01-05' });
    expect(closed.type === 'StocktakeClosed' && closed.data.shortages).toEqual([
      { assetId: CABINETS, category: '家具用具', quantity: '1', value: '333.33' },
    ]);
  });

  it('closes with cards uncounted: they are listed apart and left out of physical, not counted as shortages', () => {
    const [closed] = decideStocktake(foldStocktake([opened, counted(PC1, true, '1')]), close, { today: '2025-01-05' });
    if (closed.type !== 'StocktakeClosed') throw new Error('expected StocktakeClosed');
    expect(closed.data.shortages).toEqual([]);
    expect(closed.data.uncounted.map((u) => u.assetId)).toEqual([PC2, CABINETS]);
    const { book, shortage, uncounted, physical } = closed.data.total;
    expect(shortage.count).toBe(0);
    expect(physical.count).toBe(book.count - uncounted.count);
    expect(uncounted.count).toBeGreaterThan(0);
  });

  it('a closed stocktake never changes (409)', () => {
    const closedEvents = [...allCounted, ...decideStocktake(foldStocktake(allCounted), close, { today: '2025-01-05' })];
    given(closedEvents).when(close, { today: '2025-01-06' }).thenThrows(ConflictError, 'STOCKTAKE.CLOSED');
    given(closedEvents)
      .when(counts([{ assetId: PC2, found: true }]), facts)
      .thenThrows(ConflictError, 'STOCKTAKE.CLOSED');
  });

  it('an unknown stocktake is 404', () => {
    given([]).when(close, { today: '2025-01-05' }).thenThrows(NotFoundError, 'STOCKTAKE.NOT_FOUND');
  });
});

describe('foldStocktake', () => {
  it('folds to the same state as evolve, event by event', () => {
    const events = [...allCounted, counted(PC2, true, '1')];
    expect(foldStocktake(events)).toEqual(events.reduce(evolveStocktake, initialStocktakeState()));
  });
});

describe('RecordCounts: uncarded items counted by category', () => {
  const uncarded = new Map([['家具用具' as const, { count: 346n, value: 19_520_000n }]]);
  const byCategory = (categoryCounts: object[]): StocktakeCommand => ({
    type: 'RecordCounts',
    data: { stocktakeId: ID, counts: [], unknownItems: [], categoryCounts: categoryCounts as never },
  });
  const uncardedCounted = (category: string, count: number, value: string, note: string | null = null) => ({
    type: 'UncardedCounted' as const,
    data: { stocktakeId: ID, category: category as '家具用具', count, value, note },
  });

  it('takes the uncarded book value when none is given, prorated to a different count', () => {
    given([opened])
      .when(byCategory([{ category: '家具用具', count: 346n }]), { uncarded })
      .then([uncardedCounted('家具用具', 346, '195200.00')]);
    given([opened])
      .when(byCategory([{ category: '家具用具', count: 173n, note: '半数在库房' }]), { uncarded })
      .then([uncardedCounted('家具用具', 173, '97600.00', '半数在库房')]);
  });

  it('needs a value where the book has nothing uncarded; a given value is kept', () => {
    given([opened])
      .when(byCategory([{ category: '车辆', count: 1n }]), { uncarded })
      .thenThrows(ValidationError, 'STOCKTAKE.VALUE_REQUIRED', 'categoryCounts.0.value');
    given([opened])
      .when(byCategory([{ category: '车辆', count: 1n, value: 10_000_000n }]), { uncarded })
      .then([uncardedCounted('车辆', 1, '100000.00')]);
  });

  it('a later count of the category replaces the earlier one; the same count again writes nothing; twice in one request is refused', () => {
    const first = uncardedCounted('家具用具', 346, '195200.00');
    given([opened, first])
      .when(byCategory([{ category: '家具用具', count: 346n }]), { uncarded })
      .then([]);
    const state = foldStocktake([opened, first, uncardedCounted('家具用具', 300, '169000.00')]);
    expect(state.status === 'open' && state.categoryCounts.get('家具用具')).toEqual({ count: 300n, value: 16_900_000n, note: null });
    given([opened])
      .when(
        byCategory([
          { category: '家具用具', count: 1n },
          { category: '家具用具', count: 2n },
        ]),
        { uncarded },
      )
      .thenThrows(ValidationError, 'STOCKTAKE.COUNTED_TWICE', 'categoryCounts.1.category');
  });
});

describe('StocktakeOpened v1 (cards listed in the event)', () => {
  it('reads as v2 with the listed cards as its scope', () => {
    const v1 = {
      stocktakeId: ID,
      asOf: '2024-12-31',
      items: [{ assetId: PC1, category: '通用设备（除车辆）', quantity: '1', value: '5000.00' }],
      book: { count: 1, value: '5000.00' },
    };
    const decoded = stocktakeEvents.decode({
      streamId: `stocktake-${ID}`,
      streamVersion: 1,
      type: 'StocktakeOpened',
      schemaVersion: 1,
      data: v1,
    });
    expect(decoded).toEqual({
      type: 'StocktakeOpened',
      data: { stocktakeId: ID, asOf: '2024-12-31', scope: { cards: v1.items }, cards: 1, book: v1.book },
    });
    const state = foldStocktake([decoded]);
    expect(state.status === 'open' && [...state.items.keys()]).toEqual([PC1]);
  });
});

describe('RecordCounts in bulk', () => {
  it('writes the changed counts in AssetsCounted events of at most 1,000 cards', () => {
    const ids = Array.from({ length: 2500 }, (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
    const big: StocktakeOpened = {
      type: 'StocktakeOpened',
      data: {
        stocktakeId: ID,
        asOf: '2024-12-31',
        scope: { cards: ids.map((assetId) => ({ assetId, category: '家具用具' as const, quantity: '1', value: '1.00' })) },
        cards: ids.length,
        book: { count: ids.length, value: '2500.00' },
      },
    };
    const events = decideStocktake(foldStocktake([big]), counts(ids.map((assetId) => ({ assetId, found: true }))), facts);
    expect(events.map((e) => (e.type === 'AssetsCounted' ? e.data.counts.length : e.type))).toEqual([1000, 1000, 500]);
  });
});

describe('stocktakeResult with the book summed by the database', () => {
  it('gives the result of every card from the exceptions alone', () => {
    const card = (n: number, quantity: bigint) => ({
      assetId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      category: '家具用具' as const,
      quantity,
      value: 1000n * quantity,
    });
    const cards = [card(1, 1n), card(2, 4n), card(3, 1n), card(4, 2n), card(5, 1n)];
    const counts = new Map([
      [cards[0].assetId, { found: true, quantity: 1n, note: null }],
      [cards[1].assetId, { found: true, quantity: 3n, note: null }],
      [cards[2].assetId, { found: false, quantity: 0n, note: '丢失' }],
      [cards[3].assetId, { found: true, quantity: 3n, note: null }],
    ]);
    const open = (items: typeof cards) => ({
      status: 'open' as const,
      stocktakeId: ID,
      asOf: '2024-12-31',
      items: new Map(items.map((c) => [c.assetId, c])),
      counts,
      surpluses: [],
      categoryCounts: new Map(),
    });
    const exceptions = cards.filter((c) => c.assetId !== cards[0].assetId);
    const book = new Map([['家具用具' as const, { count: 9n, value: 9000n }]]);
    const full = stocktakeResult(open(cards), '2025-01-10');
    expect(stocktakeResult({ ...open(exceptions), book }, '2025-01-10')).toEqual(full);
    expect(full.total).toMatchObject({ book: { count: 9 }, shortage: { count: 2 }, surplus: { count: 1 }, uncounted: { count: 1 } });
  });
});
