import { describe, expect, it } from '@jest/globals';
import type { BudgetCommand } from './budget.commands.js';
import type { BudgetEvent } from './budget.events.js';
import { EMPTY_BUDGET } from './budget.state.js';
import { decide } from './decide.js';
import { evolve } from './evolve.js';

/** given these events, when this command, then these events. */
const given = (events: BudgetEvent[]) => ({
  when: (command: BudgetCommand) => ({
    then: (expected: BudgetEvent[]) => expect(decide(events.reduce(evolve, EMPTY_BUDGET), command)).toEqual(expected),
  }),
});

const DAILY = '2024年初预算日常公用经费项目（三保）';
const registered: BudgetEvent = {
  type: 'ProjectRegistered',
  data: { projectCode: 'P001', name: DAILY, budget: '211600.00' },
};
const line31002: BudgetEvent = {
  type: 'BudgetLineSet',
  data: { economicCode: '31002', name: '办公设备购置', amount: '1900.00', funding: { general_budget: '1900.00' } },
};

describe('budget reference', () => {
  it('registers a new project', () =>
    given([]).when({ kind: 'RegisterProject', projectCode: 'P001', name: DAILY, budget: 21_160_000n }).then([registered]));

  it('registering the same project again is no change', () =>
    given([registered]).when({ kind: 'RegisterProject', projectCode: 'P001', name: DAILY, budget: 21_160_000n }).then([]));

  it('a new budget for a registered project is a revision naming old and new', () =>
    given([registered])
      .when({ kind: 'RegisterProject', projectCode: 'P001', name: DAILY, budget: 21_000_000n })
      .then([{ type: 'ProjectRevised', data: { projectCode: 'P001', changes: { budget: { from: '211600.00', to: '210000.00' } } } }]));

  it('a revision is folded into the state (then the same values are no change)', () =>
    given([registered, { type: 'ProjectRevised', data: { projectCode: 'P001', changes: { name: { from: DAILY, to: '日常公用' } } } }])
      .when({ kind: 'RegisterProject', projectCode: 'P001', name: '日常公用', budget: 21_160_000n })
      .then([]));

  it('sets a budget line with its funding split', () =>
    given([])
      .when({ kind: 'SetBudgetLine', economicCode: '31002', name: '办公设备购置', amount: 190_000n, funding: { general_budget: 190_000n } })
      .then([line31002]));

  it('setting the same line again is no change; a new amount or split is a new BudgetLineSet', () => {
    const same: BudgetCommand = {
      kind: 'SetBudgetLine',
      economicCode: '31002',
      name: '办公设备购置',
      amount: 190_000n,
      funding: { general_budget: 190_000n },
    };
    given([line31002]).when(same).then([]);
    given([line31002])
      .when({ ...same, funding: { general_budget: 90_000n, unit_funds: 100_000n } })
      .then([
        {
          type: 'BudgetLineSet',
          data: {
            economicCode: '31002',
            name: '办公设备购置',
            amount: '1900.00',
            funding: { general_budget: '900.00', unit_funds: '1000.00' },
          },
        },
      ]);
  });

  it('declares the planned fixed-asset purchases once; the same amount again is no change', () => {
    given([])
      .when({ kind: 'DeclarePlannedAssetPurchases', amount: 190_000n })
      .then([{ type: 'PlannedAssetPurchasesDeclared', data: { amount: '1900.00' } }]);
    given([{ type: 'PlannedAssetPurchasesDeclared', data: { amount: '1900.00' } }])
      .when({ kind: 'DeclarePlannedAssetPurchases', amount: 190_000n })
      .then([]);
  });

  it('declares the income by funding source with its total; the same income again is no change', () => {
    const declared: BudgetEvent = {
      type: 'IncomeDeclared',
      data: { income: { general_budget: '6686400.00' }, total: '6686400.00' },
    };
    given([])
      .when({ kind: 'DeclareIncome', income: { general_budget: 668_640_000n } })
      .then([declared]);
    given([declared])
      .when({ kind: 'DeclareIncome', income: { general_budget: 668_640_000n } })
      .then([]);
  });

  it('a new income statement replaces the whole previous one (an omitted source becomes zero)', () =>
    given([{ type: 'IncomeDeclared', data: { income: { general_budget: '6686400.00', unit_funds: '1000.00' }, total: '6687400.00' } }])
      .when({ kind: 'DeclareIncome', income: { general_budget: 668_640_000n } })
      .then([{ type: 'IncomeDeclared', data: { income: { general_budget: '6686400.00' }, total: '6686400.00' } }]));

  it('declaring no income at all is a statement too (every source zero), distinct from never declaring', () =>
    given([])
      .when({ kind: 'DeclareIncome', income: {} })
      .then([{ type: 'IncomeDeclared', data: { income: {}, total: '0.00' } }]));
});
