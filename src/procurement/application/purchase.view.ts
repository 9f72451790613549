import type { PurchaseAssetsSummary } from './purchase-assets.port.js';
import type { PurchaseSummary } from '../domain/index.js';

/**
 * The API's purchase: the summary plus its identity, scope and version (for If-Match), and what
 * the asset register made of its accepted units: `carded` (cards registered), `acceptedNotCarded`
 * (capitalizable units accepted without a card yet) and `notCapitalizable` (why it creates no
 * cards: "service", "works", "not_an_asset", "below_threshold"; null when it does).
 */
export type PurchaseView = { id: string; version: number; department: string; budgetYear: number } & Omit<PurchaseSummary, 'purchaseId'> &
  PurchaseAssetsSummary;

export function purchaseView(
  id: string,
  version: number,
  department: string,
  budgetYear: number,
  summary: PurchaseSummary,
  assets: PurchaseAssetsSummary,
): PurchaseView {
  const { purchaseId: _omitted, ...rest } = summary;
  return { id, version, department, budgetYear, ...rest, ...assets };
}

/** The facts of a purchase the asset register needs to describe its cards. */
export const planFacts = (purchaseId: string, summary: PurchaseSummary) => ({
  purchaseId,
  catalogCode: summary.plan.catalogCode,
  unitPrice: summary.plan.unitPrice,
  acceptances: summary.accepted.acceptances,
});
