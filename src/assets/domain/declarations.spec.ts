import { describe, expect, it } from '@jest/globals';
import { NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import { decideLedgerBalances, decideWithdrawLedgerBalances, evolveLedgerBalances, type LedgerBalancesState } from './ledger-balances.js';
import {
  decideOpeningHoldings,
  decideWithdrawOpeningHoldings,
  EMPTY_OPENING_HOLDINGS,
  evolveOpeningHoldings,
  type CategoryFigureInput,
} from './opening-holdings.js';
import type { OpeningHoldingsDeclared } from './declarations.events.js';

/** 部门固定资产占用情况表 of department 731 as of 2023-12-31. */
const SEED: CategoryFigureInput[] = [
  { category: '房屋建筑物及构筑物', count: 4n, value: 30_000_000n },
  { category: '通用设备（除车辆）', count: 101n, value: 59_120_000n },
  { category: '车辆', count: 1n, value: 21_360_000n },
  { category: '家具用具', count: 346n, value: 19_520_000n },
];
const fold = (events: OpeningHoldingsDeclared[]) => events.reduce(evolveOpeningHoldings, EMPTY_OPENING_HOLDINGS);
const thrown = (run: () => unknown): ValidationError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
};

describe('opening holdings', () => {
  const declared = decideOpeningHoldings(EMPTY_OPENING_HOLDINGS, { asOf: '2023-12-31', categories: SEED });

  it('declares all ten categories in disclosure order, with the total: 452 items, 1,300,000.00 元', () => {
    expect(declared).toHaveLength(1);
    expect(declared[0].data.categories.map((c) => [c.category, c.count, c.value])).toEqual([
      ['土地', 0, '0.00'],
      ['房屋建筑物及构筑物', 4, '300000.00'],
      ['车辆', 1, '213600.00'],
      ['通用设备（除车辆）', 101, '591200.00'],
      ['专用设备', 0, '0.00'],
      ['文物和陈列品', 0, '0.00'],
      ['图书档案', 0, '0.00'],
      ['家具用具', 346, '195200.00'],
      ['特种动植物', 0, '0.00'],
      ['无形资产', 0, '0.00'],
    ]);
    expect(declared[0].data.total).toEqual({ count: 452, value: '1300000.00' });
  });

  it('the same figures again, in any order, are no change', () => {
    expect(decideOpeningHoldings(fold(declared), { asOf: '2023-12-31', categories: [...SEED].reverse() })).toEqual([]);
  });

  it('other figures for the date replace them; another date is a declaration of its own', () => {
    const revised = decideOpeningHoldings(fold(declared), { asOf: '2023-12-31', categories: SEED.slice(1) });
    expect(revised[0].data.total).toEqual({ count: 448, value: '1000000.00' });
    expect(decideOpeningHoldings(fold(declared), { asOf: '2022-12-31', categories: SEED })).toHaveLength(1);
  });

  it('rejects a category twice, negative figures and a value without items, naming the entry', () => {
    expect(
      thrown(() => decideOpeningHoldings(EMPTY_OPENING_HOLDINGS, { asOf: '2023-12-31', categories: [SEED[0], SEED[0]] })),
    ).toMatchObject({
      code: 'ASSET.CATEGORY_REPEATED',
      field: 'categories.1.category',
    });
    const bad = (row: Partial<CategoryFigureInput>) =>
      thrown(() => decideOpeningHoldings(EMPTY_OPENING_HOLDINGS, { asOf: '2023-12-31', categories: [{ ...SEED[0], ...row }] }));
    expect(bad({ count: -1n })).toMatchObject({ code: 'ASSET.COUNT_INVALID', field: 'categories.0.count' });
    expect(bad({ value: -1n })).toMatchObject({ code: 'MONEY.NEGATIVE', field: 'categories.0.value' });
    expect(bad({ count: 0n })).toMatchObject({ code: 'ASSET.VALUE_WITHOUT_ITEMS', field: 'categories.0.count' });
  });
});

describe('ledger balances', () => {
  const balances = [
    { category: '通用设备（除车辆）' as const, value: 59_310_000n },
    { category: '车辆' as const, value: 21_360_000n },
  ];

  it('declares every category (0.00 where left out) and the total', () => {
    const [event] = decideLedgerBalances(null, { year: 2024, categories: balances });
    expect(event.data.categories).toHaveLength(10);
    expect(event.data.categories.find((c) => c.category === '车辆')).toEqual({
      category: '车辆',
      categoryCode: 'vehicles',
      value: '213600.00',
    });
    expect(event.data.total).toBe('806700.00');
  });

  it('the same balances again are no change; a different set is a new declaration', () => {
    const state = decideLedgerBalances(null, { year: 2024, categories: balances }).reduce(
      evolveLedgerBalances,
      null as LedgerBalancesState,
    );
    expect(decideLedgerBalances(state, { year: 2024, categories: [...balances].reverse() })).toEqual([]);
    expect(decideLedgerBalances(state, { year: 2024, categories: balances.slice(0, 1) })).toHaveLength(1);
  });

  it('an explicit zero is the same as leaving the category out', () => {
    const state = decideLedgerBalances(null, { year: 2024, categories: balances }).reduce(
      evolveLedgerBalances,
      null as LedgerBalancesState,
    );
    expect(decideLedgerBalances(state, { year: 2024, categories: [...balances, { category: '土地', value: 0n }] })).toEqual([]);
  });

  it('rejects negative balances', () => {
    expect(thrown(() => decideLedgerBalances(null, { year: 2024, categories: [{ category: '车辆', value: -1n }] }))).toMatchObject({
      code: 'MONEY.NEGATIVE',
      field: 'categories.0.value',
    });
  });
});

describe('withdrawing a declaration, and empty statements', () => {
  const declared = decideOpeningHoldings(EMPTY_OPENING_HOLDINGS, { asOf: '2023-12-31', categories: SEED });

  it('withdraws the opening holdings of one date: the date has none any more', () => {
    const state = fold(declared);
    const withdrawn = decideWithdrawOpeningHoldings(state, '2023-12-31');
    expect(withdrawn).toEqual([
      { type: 'OpeningHoldingsWithdrawn', data: { asOf: '2023-12-31', total: { count: 452, value: '1300000.00' } } },
    ]);
    const after = withdrawn.reduce(evolveOpeningHoldings, state);
    expect(after.has('2023-12-31')).toBe(false);
    expect(() => decideWithdrawOpeningHoldings(after, '2023-12-31')).toThrow(NotFoundError);
    expect(() => decideWithdrawOpeningHoldings(state, '2024-12-31')).toThrow(NotFoundError);
  });

  it("withdraws a year's ledger balances; none declared is a 404", () => {
    const ledger = decideLedgerBalances(null, { year: 2024, categories: [{ category: '车辆', value: 21_360_000n }] });
    const state = ledger.reduce(evolveLedgerBalances, null as LedgerBalancesState);
    const withdrawn = decideWithdrawLedgerBalances(state, 2024);
    expect(withdrawn).toEqual([{ type: 'LedgerBalancesWithdrawn', data: { year: 2024, total: '213600.00' } }]);
    expect(withdrawn.reduce(evolveLedgerBalances, state)).toBeNull();
    expect(() => decideWithdrawLedgerBalances(null, 2024)).toThrow(NotFoundError);
  });

  it('refuses an empty statement instead of zeroing every category', () => {
    const opening = thrown(() => decideOpeningHoldings(EMPTY_OPENING_HOLDINGS, { asOf: '2023-12-31', categories: [] }));
    expect(opening).toMatchObject({ code: 'ASSET.DECLARATION_EMPTY', field: 'categories' });
    const ledger = thrown(() => decideLedgerBalances(null, { year: 2024, categories: [] }));
    expect(ledger).toMatchObject({ code: 'ASSET.DECLARATION_EMPTY', field: 'categories' });
  });
});
