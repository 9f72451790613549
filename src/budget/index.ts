// The budget context's public surface: what other contexts may use.
export { budgetEvents, type BudgetEvent } from './domain/budget.events.js';
export { budgetStreamId } from './infrastructure/budget-stream.js';
export {
  BUDGET_REFERENCE_JSON,
  budgetReferenceFrom,
  type BudgetLineRow,
  type BudgetReference,
  type BudgetReferenceRow,
  BudgetRepository,
  type ProjectRow,
} from './infrastructure/budget.repository.js';
export { ChangeBudgetCommand } from './application/change-budget.command.js';
export { ChangeBudgetHandler } from './application/change-budget.handler.js';
export type { BudgetCommand } from './domain/budget.commands.js';
