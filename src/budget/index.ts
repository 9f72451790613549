// The budget context's public surface: what other contexts may use.
export { budgetEvents, type BudgetEvent } from './domain/budget.events.js';
export { budgetStreamId } from './infrastructure/budget-stream.js';
export { type BudgetLineRow, type BudgetReference, BudgetRepository, type ProjectRow } from './infrastructure/budget.repository.js';
