import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { yuanToFen } from '../../common/money/money.js';
import { Quantity } from '../../common/money/quantity.js';
import { CapitalizationThresholds, Catalog, Classifier } from '../../catalog/index.js';
import { PurchaseAssets, type PurchaseAssetsSummary, type PurchasePlanFacts } from '../../procurement/index.js';
import { assessAcceptance, summarizePurchaseAssets } from '../domain/acceptance-cards.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';

/**
 * The asset register's answer to "what became of this purchase's units" for the procurement
 * context's purchase view: cards registered, capitalizable units accepted without a card, and
 * why a purchase creates none. It implements procurement's port (AssetsModule provides it as
 * PurchaseAssets), so procurement's code never imports the register: the dependency points one way.
 */
@Injectable()
export class PurchaseAssetsReader implements PurchaseAssets {
  constructor(
    private readonly assets: AssetRepository,
    private readonly catalog: Catalog,
    private readonly classifier: Classifier,
    private readonly thresholds: CapitalizationThresholds,
  ) {}

  /** By purchase id, read with `db`: the acceptance's transaction for its answer, a query's manager otherwise. */
  async summaries(db: EntityManager, purchases: readonly PurchasePlanFacts[]): Promise<Map<string, PurchaseAssetsSummary>> {
    // Only acceptances make cards: plans, amendments and lists of unaccepted purchases skip the read.
    const accepted = purchases.filter((p) => p.acceptances > 0).map((p) => p.purchaseId);
    const rows = accepted.length === 0 ? [] : await this.assets.acceptanceCards(db, accepted);
    const cards = accepted.length === 0 ? [] : await this.assets.purchaseCards(db, accepted);
    const result = new Map<string, PurchaseAssetsSummary>();
    for (const p of purchases) {
      const entry = this.catalog.find(p.catalogCode);
      const assess = (quantity: Quantity, amount: bigint) => assessAcceptance(entry, quantity, amount, this.classifier, this.thresholds);
      const acceptances = rows
        .filter((r) => r.purchaseId === p.purchaseId)
        .map((r) => {
          const quantity = Quantity.decode(r.quantity);
          return { quantity, assessment: assess(quantity, r.amount), cardedQuantity: r.cardedQuantity, cards: r.cards };
        });
      const made = cards.filter((c) => c.purchaseId === p.purchaseId).map((c) => ({ id: c.assetId, assetNo: c.assetNo }));
      result.set(p.purchaseId, summarizePurchaseAssets(assess(Quantity.fromInteger(1), yuanToFen(p.unitPrice)), acceptances, made));
    }
    return result;
  }
}
