import { formatFunding, fundingTotal, type FundingSplit } from '../../common/funding/funding.js';
import { formatYuan } from '../../common/money/money.js';
import type { BudgetCommand } from './budget.commands.js';
import type { BudgetEvent, ProjectRevised } from './budget.events.js';
import type { BudgetState } from './budget.state.js';

const sameFunding = (a: FundingSplit | null, b: FundingSplit | null) =>
  JSON.stringify(a && formatFunding(a)) === JSON.stringify(b && formatFunding(b));

/**
 * Budget reference data is set, not accumulated: each command states the whole truth for one
 * item, and stating what is already true is no change (no event) — that is what makes the PUTs
 * idempotent without a key.
 */
export function decide(state: BudgetState, command: BudgetCommand): BudgetEvent[] {
  switch (command.kind) {
    case 'RegisterProject': {
      const current = state.projects.get(command.projectCode);
      if (!current) {
        return [
          {
            type: 'ProjectRegistered',
            data: { projectCode: command.projectCode, name: command.name, budget: formatYuan(command.budget) },
          },
        ];
      }
      const changes: ProjectRevised['data']['changes'] = {};
      if (current.name !== command.name) changes.name = { from: current.name, to: command.name };
      if (current.budget !== command.budget) {
        changes.budget = { from: formatYuan(current.budget), to: formatYuan(command.budget) };
      }
      return Object.keys(changes).length === 0 ? [] : [{ type: 'ProjectRevised', data: { projectCode: command.projectCode, changes } }];
    }
    case 'SetBudgetLine': {
      const current = state.lines.get(command.economicCode);
      if (current && current.name === command.name && current.amount === command.amount && sameFunding(current.funding, command.funding)) {
        return [];
      }
      return [
        {
          type: 'BudgetLineSet',
          data: {
            economicCode: command.economicCode,
            name: command.name,
            amount: formatYuan(command.amount),
            funding: command.funding && formatFunding(command.funding),
          },
        },
      ];
    }
    case 'DeclarePlannedAssetPurchases':
      return state.plannedAssetPurchases === command.amount
        ? []
        : [{ type: 'PlannedAssetPurchasesDeclared', data: { amount: formatYuan(command.amount) } }];
    case 'DeclareIncome':
      return state.income !== null && sameFunding(state.income, command.income)
        ? []
        : [
            {
              type: 'IncomeDeclared',
              data: { income: formatFunding(command.income), total: formatYuan(fundingTotal(command.income)) },
            },
          ];
  }
}
