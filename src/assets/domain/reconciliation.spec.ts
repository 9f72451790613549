import { describe, expect, it } from '@jest/globals';
import type { AssetCategoryName } from './asset-category.js';
import type { Figure } from './category-figures.js';
import { reconcile, type ReconciliationInputs } from './reconciliation.js';

const figures = (entries: Array<[AssetCategoryName, bigint, bigint]>) =>
  new Map<AssetCategoryName, Figure>(entries.map(([category, count, value]) => [category, { count, value }]));
const GENERAL = '通用设备（除车辆）';

/** 732's 2024: one printer at the start, three computers bought, the printer scrapped. */
const BOOK: ReconciliationInputs = {
  year: 2024,
  openingAsOf: '2023-12-31',
  opening: figures([[GENERAL, 1n, 200_000n]]),
  acquisitions: figures([
    [GENERAL, 3n, 1_500_000n],
    ['家具用具', 10n, 1_200_000n],
  ]),
  disposals: figures([[GENERAL, 1n, 200_000n]]),
  count: null,
  ledger: null,
  uncarded: new Map(),
  uncardedAsOf: null,
};
const COUNTED_ALL = {
  stocktakeId: 'st-1',
  asOf: '2024-12-31',
  closedOn: '2025-01-05',
  physical: figures([
    [GENERAL, 3n, 1_500_000n],
    ['家具用具', 10n, 1_200_000n],
  ]),
  shortage: new Map(),
  surplus: new Map(),
  uncardedCounted: new Map(),
};
const LEDGER_EQUAL = new Map<AssetCategoryName, bigint>([
  [GENERAL, 1_500_000n],
  ['家具用具', 1_200_000n],
]);
const row = (view: ReturnType<typeof reconcile>, category: string) => view.categories.find((c) => c.category === category)!;

describe('reconcile', () => {
  it('closing book = opening + acquisitions − disposals, per category and in total', () => {
    const view = reconcile('732', BOOK);
    expect(row(view, GENERAL)).toMatchObject({
      opening: { count: 1, value: '2000.00' },
      acquisitions: { count: 3, value: '15000.00' },
      disposals: { count: 1, value: '2000.00' },
      closingBook: { count: 3, value: '15000.00', valueWan: '1.50' },
      physical: null,
      ledger: null,
      differences: { bookMinusPhysical: null, bookMinusLedger: null },
    });
    expect(view.total.closingBook).toEqual({ count: 13, value: '27000.00', valueWan: '2.70' });
    expect(view.categories).toHaveLength(10);
  });

  it('is not balanced without a stocktake or without ledger balances, even when nothing differs', () => {
    expect(reconcile('732', BOOK).balanced).toBe(false);
    expect(reconcile('732', { ...BOOK, count: COUNTED_ALL }).balanced).toBe(false);
    expect(reconcile('732', { ...BOOK, ledger: LEDGER_EQUAL }).balanced).toBe(false);
  });

  it('is balanced when every category agrees with the count (count and value) and the ledger (value)', () => {
    const view = reconcile('732', { ...BOOK, count: COUNTED_ALL, ledger: LEDGER_EQUAL });
    expect(view.balanced).toBe(true);
    expect(view.stocktake).toEqual({ id: 'st-1', asOf: '2024-12-31', closedOn: '2025-01-05' });
    expect(row(view, '土地')).toMatchObject({
      closingBook: { count: 0 },
      physical: { count: 0 },
      ledger: { value: '0.00' },
      differences: { bookMinusLedger: { value: '0.00' } },
    });
  });

  it('a shortage and a surplus show as differences book − physical in their categories', () => {
    const count = {
      ...COUNTED_ALL,
      physical: figures([
        [GENERAL, 2n, 1_000_000n],
        ['家具用具', 11n, 1_280_000n],
      ]),
      shortage: figures([[GENERAL, 1n, 500_000n]]),
      surplus: figures([['家具用具', 1n, 80_000n]]),
    };
    const view = reconcile('732', { ...BOOK, count, ledger: LEDGER_EQUAL });
    expect(view.balanced).toBe(false);
    expect(row(view, GENERAL).differences.bookMinusPhysical).toEqual({ count: 1, value: '5000.00', valueWan: '0.50' });
    expect(row(view, GENERAL).physical).toMatchObject({ shortage: { count: 1, value: '5000.00' } });
    expect(row(view, '家具用具').differences.bookMinusPhysical).toEqual({ count: -1, value: '-800.00', valueWan: '-0.08' });
    expect(view.total.differences.bookMinusPhysical).toEqual({ count: 0, value: '4200.00', valueWan: '0.42' });
  });

  it('equal counts with different values are still a difference (账实 in value)', () => {
    const count = {
      ...COUNTED_ALL,
      physical: figures([
        [GENERAL, 3n, 1_499_999n],
        ['家具用具', 10n, 1_200_000n],
      ]),
    };
    expect(reconcile('732', { ...BOOK, count, ledger: LEDGER_EQUAL }).balanced).toBe(false);
  });

  it('a ledger balance off by a fen unbalances the year (账账)', () => {
    const ledger = new Map(LEDGER_EQUAL).set('家具用具', 1_199_999n);
    const view = reconcile('732', { ...BOOK, count: COUNTED_ALL, ledger });
    expect(view.balanced).toBe(false);
    expect(row(view, '家具用具').differences.bookMinusLedger).toEqual({ value: '0.01', valueWan: '0.00' });
  });

  describe('opening holdings declared without cards (uncarded)', () => {
    /** 731: 452 items declared as of 2023-12-31, 10 of them carded (all 通用设备), a shredder bought in 2024. */
    const DECLARED: ReconciliationInputs = {
      year: 2024,
      openingAsOf: '2023-12-31',
      opening: figures([
        [GENERAL, 101n, 59_120_000n],
        ['家具用具', 351n, 70_880_000n],
      ]),
      acquisitions: figures([[GENERAL, 1n, 190_000n]]),
      disposals: new Map(),
      count: null,
      ledger: new Map<AssetCategoryName, bigint>([
        [GENERAL, 59_310_000n],
        ['家具用具', 70_880_000n],
      ]),
      uncarded: figures([
        [GENERAL, 91n, 54_120_000n],
        ['家具用具', 351n, 70_880_000n],
      ]),
      uncardedAsOf: '2023-12-31',
    };
    const cardsOnly = {
      ...COUNTED_ALL,
      physical: figures([[GENERAL, 11n, 5_190_000n]]),
    };

    it('shows the uncarded part per category and says plainly that uncounted uncarded items are the mismatch', () => {
      const view = reconcile('731', { ...DECLARED, count: cardsOnly });
      expect(row(view, GENERAL).uncarded).toEqual({ count: 91, value: '541200.00', valueWan: '54.12' });
      expect(view.total.uncarded).toMatchObject({ count: 442 });
      expect(view.total.differences.bookMinusPhysical).toMatchObject({ count: 442 });
      expect(view.balanced).toBe(false);
      expect(view.statements).toHaveLength(2);
      expect(view.statements[0]).toContain(
        `${GENERAL}: book − physical includes 91 items / 541200.00 元 declared in the opening holdings as of 2023-12-31 without cards`,
      );
      expect(reconcile('731', DECLARED).statements[1]).toContain('count them by category (categoryCounts) in a stocktake');
    });

    it('balances once the uncarded items are counted by category', () => {
      const count = { ...cardsOnly, uncardedCounted: DECLARED.uncarded };
      const view = reconcile('731', { ...DECLARED, count });
      expect(row(view, GENERAL).physical).toMatchObject({ count: 102, uncardedCounted: { count: 91 } });
      expect(view.statements).toEqual([]);
      expect(view.balanced).toBe(true);
    });
  });
});
