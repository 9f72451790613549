import { describe, expect, it } from '@jest/globals';
import type { AssetCategoryName } from './asset-category.js';
import type { Figure } from './category-figures.js';
import { computeHoldings, uncardedFigures } from './holdings.js';

const figures = (entries: Array<[AssetCategoryName, bigint, bigint]>) =>
  new Map<AssetCategoryName, Figure>(entries.map(([category, count, value]) => [category, { count, value }]));

const OPENING_731 = figures([
  ['房屋建筑物及构筑物', 4n, 30_000_000n],
  ['通用设备（除车辆）', 101n, 59_120_000n],
  ['车辆', 1n, 21_360_000n],
  ['家具用具', 346n, 19_520_000n],
]);

describe('computeHoldings', () => {
  it('opening + acquired − disposed, per category and in total, in 元 and 万元', () => {
    const view = computeHoldings('731', {
      asOf: '2024-12-31',
      opening: { asOf: '2023-12-31', figures: OPENING_731 },
      acquired: figures([['通用设备（除车辆）', 1n, 190_000n]]),
      disposed: new Map(),
      uncarded: new Map(),
    });
    const general = view.categories.find((c) => c.category === '通用设备（除车辆）');
    expect(general).toEqual({
      category: '通用设备（除车辆）',
      categoryCode: 'general_equipment',
      count: 102,
      value: '593100.00',
      valueWan: '59.31',
      opening: { count: 101, value: '591200.00', valueWan: '59.12' },
      acquired: { count: 1, value: '1900.00', valueWan: '0.19' },
      disposed: { count: 0, value: '0.00', valueWan: '0.00' },
      uncarded: { count: 0, value: '0.00', valueWan: '0.00' },
    });
    expect(view.total).toEqual({ count: 453, value: '1301900.00', valueWan: '130.19' });
    expect(view.openingAsOf).toBe('2023-12-31');
    expect(view.categories.map((c) => c.categoryCode)).toEqual([
      'land',
      'buildings',
      'vehicles',
      'general_equipment',
      'special_equipment',
      'cultural_relics',
      'books_archives',
      'furniture',
      'flora_fauna',
      'intangible_assets',
    ]);
  });

  it('subtracts disposals, which may take a category to zero', () => {
    const view = computeHoldings('731', {
      asOf: '2024-12-31',
      opening: { asOf: '2023-12-31', figures: OPENING_731 },
      acquired: new Map(),
      disposed: figures([['车辆', 1n, 21_360_000n]]),
      uncarded: new Map(),
    });
    expect(view.categories.find((c) => c.category === '车辆')).toMatchObject({
      count: 0,
      value: '0.00',
      disposed: { count: 1, value: '213600.00' },
    });
    expect(view.total).toEqual({ count: 451, value: '1086400.00', valueWan: '108.64' });
  });

  it('without an opening declaration the holdings are the cards alone', () => {
    const view = computeHoldings('732', {
      asOf: '2024-12-31',
      opening: null,
      acquired: figures([['家具用具', 10n, 1_200_000n]]),
      disposed: new Map(),
      uncarded: new Map(),
    });
    expect(view.openingAsOf).toBeNull();
    expect(view.total).toEqual({ count: 10, value: '12000.00', valueWan: '1.20' });
  });
});

describe('uncardedFigures', () => {
  it('is the declaration minus the cards held as of its date, per category, shown on the holdings', () => {
    const carded = figures([
      ['通用设备（除车辆）', 9n, 4_500_000n],
      ['车辆', 1n, 21_360_000n],
    ]);
    const uncarded = uncardedFigures(OPENING_731, carded);
    expect(uncarded.get('通用设备（除车辆）')).toEqual({ count: 92n, value: 54_620_000n });
    expect(uncarded.get('车辆')).toEqual({ count: 0n, value: 0n });
    expect(uncarded.get('家具用具')).toEqual({ count: 346n, value: 19_520_000n });
    const view = computeHoldings('731', {
      asOf: '2024-12-31',
      opening: { asOf: '2023-12-31', figures: OPENING_731 },
      acquired: new Map(),
      disposed: new Map(),
      uncarded,
    });
    expect(view.uncarded).toEqual({ count: 442, value: '1041400.00', valueWan: '104.14' });
  });
});
