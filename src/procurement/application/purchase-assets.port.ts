import type { EntityManager } from 'typeorm';
import type { NotCapitalizableReason } from '../../catalog/index.js';

/** What the asset register needs to know of a purchase to describe its cards. */
export type PurchasePlanFacts = { purchaseId: string; catalogCode: string; unitPrice: string; acceptances: number };

/** What the asset register made of a purchase's accepted units, as the purchase view shows it. */
export type PurchaseAssetsSummary = {
  /** `assets`: the cards its acceptances made (id and 资产编号), in acceptance order. */
  carded: { quantity: string; cards: number; assets: Array<{ id: string; assetNo: string }> };
  /** Capitalizable units accepted without cards (e.g. accepted before the register carded acceptances). */
  acceptedNotCarded: { quantity: string };
  /** Why the purchase creates no cards; null when it does (or will, once accepted). */
  notCapitalizable: NotCapitalizableReason | null;
};

/**
 * The port through which procurement asks "what became of these purchases' units". Procurement
 * owns it; the asset register implements and provides it (AssetsModule), so procurement never
 * imports the asset register and the dependency points one way: assets → procurement.
 */
export abstract class PurchaseAssets {
  /** By purchase id, read with `db` (the command's transaction, or a query's manager). */
  abstract summaries(db: EntityManager, purchases: readonly PurchasePlanFacts[]): Promise<Map<string, PurchaseAssetsSummary>>;
}
