import type { PurchaseSummary } from '../domain/index.js';

/** The API's purchase: the summary plus its identity, scope and version (for If-Match). */
export type PurchaseView = { id: string; version: number; department: string; budgetYear: number } & Omit<
  PurchaseSummary,
  'purchaseId'
>;

export function purchaseView(
  id: string,
  version: number,
  department: string,
  budgetYear: number,
  summary: PurchaseSummary,
): PurchaseView {
  const { purchaseId: _omitted, ...rest } = summary;
  return { id, version, department, budgetYear, ...rest };
}
