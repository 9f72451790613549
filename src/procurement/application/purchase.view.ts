import type { EntityManager } from 'typeorm';
import type { PurchaseRecord } from '../domain/purchase.summary.js';
import type { PurchaseAssets, PurchaseAssetsSummary } from './purchase-assets.port.js';

/**
 * The API's purchase: the summary plus its identity, scope and version (for If-Match), and what
 * the asset register made of its accepted units: `carded` (cards registered), `acceptedNotCarded`
 * (capitalizable units accepted without a card yet) and `notCapitalizable` (why it creates no
 * cards: "service", "works", "not_an_asset", "below_threshold"; null when it does).
 */
export type PurchaseView = Omit<PurchaseRecord, 'summary'> & Omit<PurchaseRecord['summary'], 'purchaseId'> & PurchaseAssetsSummary;

/** The views of purchases, with what the asset register made of them read with `db` (a command's tx or a query's manager). */
export async function purchaseViews(
  db: EntityManager,
  assets: PurchaseAssets,
  records: readonly PurchaseRecord[],
): Promise<PurchaseView[]> {
  const cards = await assets.summaries(
    db,
    records.map(({ id, summary }) => ({
      purchaseId: id,
      catalogCode: summary.plan.catalogCode,
      unitPrice: summary.plan.unitPrice,
      acceptances: summary.accepted.acceptances,
    })),
  );
  return records.map(({ id, version, department, budgetYear, summary }) => {
    const { purchaseId: _omitted, ...rest } = summary;
    return { id, version, department, budgetYear, ...rest, ...cards.get(id)! };
  });
}
