import { readFunding } from '../../common/funding/funding.js';
import { yuanToFen } from '../../common/money/money.js';
import type { BudgetEvent } from './budget.events.js';
import type { BudgetState } from './budget.state.js';

export function evolve(state: BudgetState, event: BudgetEvent): BudgetState {
  switch (event.type) {
    case 'ProjectRegistered': {
      const projects = new Map(state.projects);
      projects.set(event.data.projectCode, { name: event.data.name, budget: yuanToFen(event.data.budget) });
      return { ...state, projects };
    }
    case 'ProjectRevised': {
      const projects = new Map(state.projects);
      const current = projects.get(event.data.projectCode)!;
      const { name, budget } = event.data.changes;
      projects.set(event.data.projectCode, {
        name: name ? name.to : current.name,
        budget: budget ? yuanToFen(budget.to) : current.budget,
      });
      return { ...state, projects };
    }
    case 'BudgetLineSet': {
      const lines = new Map(state.lines);
      lines.set(event.data.economicCode, {
        name: event.data.name,
        amount: yuanToFen(event.data.amount),
        funding: event.data.funding && readFunding(event.data.funding),
      });
      return { ...state, lines };
    }
    case 'PlannedAssetPurchasesDeclared':
      return { ...state, plannedAssetPurchases: yuanToFen(event.data.amount) };
    case 'IncomeDeclared':
      return { ...state, income: readFunding(event.data.income) };
    default:
      return state;
  }
}
