import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { yuanToFen } from '../../common/money/money.js';
import { Quantity } from '../../common/money/quantity.js';
import { CapitalizationThresholds, Catalog, Classifier } from '../../catalog/index.js';
import type { Tx } from '../../database/transaction-runner.js';
import { causedBy, EventStore, type Reactor, type StoredEvent, StreamCommands } from '../../event-log/index.js';
import { foldPurchase, isPurchaseStream, type PurchaseAccepted, purchaseEvents } from '../../procurement/index.js';
import { assessAcceptance, cardsFromAcceptance } from '../domain/acceptance-cards.js';
import { assetEvents } from '../domain/asset.events.js';
import { initialAssetState } from '../domain/asset.state.js';
import { decideAsset } from '../domain/decide-asset.js';
import { assetStreamId } from '../infrastructure/streams.js';
import { AssetRepository } from '../infrastructure/asset.repository.js';
import { AssetCatalog } from './asset-catalog.js';
import { reserveNumbers } from './asset-numbering.js';

/**
 * Acceptance → asset cards (DESIGN §5), the link the register exists for. It runs inside the
 * transaction that appends PurchaseAccepted, so the acceptance and its cards commit together or
 * not at all: no checkpoint to lose, nothing to do twice. A retried request replays the stored
 * answer (Idempotency-Key) or is refused as a duplicate acceptance before reaching here, and the
 * unique (acceptance_id, acceptance_sequence) index of asset_cards would stop a double reaction.
 *
 * The purchase's plan (item, unit, catalog code, funding) is folded from its own stream up to the
 * acceptance, decoded with procurement's definitions: the log, not a read model, is what the
 * cards are decided on.
 */
@Injectable()
export class AcceptanceCardsReactor implements Reactor {
  readonly name = 'asset-cards-from-acceptances';

  constructor(
    private readonly store: EventStore,
    private readonly streams: StreamCommands,
    private readonly catalog: Catalog,
    private readonly classifier: Classifier,
    private readonly thresholds: CapitalizationThresholds,
    private readonly assetCatalog: AssetCatalog,
    private readonly assets: AssetRepository,
  ) {}

  async react(tx: Tx, events: readonly StoredEvent[]): Promise<void> {
    for (const event of events) {
      if (event.type !== 'PurchaseAccepted' || !isPurchaseStream(event.streamId)) continue;
      const accepted = purchaseEvents.decode(event);
      if (accepted.type === 'PurchaseAccepted') await this.card(tx, event, accepted);
    }
  }

  private async card(tx: Tx, event: StoredEvent, accepted: PurchaseAccepted): Promise<void> {
    const history = await this.store.readStream(tx.manager, event.streamId, event.streamVersion);
    const purchase = foldPurchase(history.map((e) => purchaseEvents.decode(e)));
    if (purchase.status === 'empty') throw new Error(`PurchaseAccepted ${event.eventId} has no purchase in ${event.streamId}`);
    const { plan } = purchase;
    const acceptance = {
      acceptanceId: accepted.data.acceptanceId,
      quantity: Quantity.decode(accepted.data.quantity),
      amount: yuanToFen(accepted.data.amount),
      acceptedOn: accepted.data.acceptedOn,
    };
    const assessment = assessAcceptance(
      this.catalog.find(plan.catalogCode),
      acceptance.quantity,
      acceptance.amount,
      this.classifier,
      this.thresholds,
    );
    if (!assessment.capitalizable) return;

    const cards = cardsFromAcceptance(
      {
        purchaseId: purchase.purchaseId,
        itemName: plan.itemName,
        unit: plan.unit,
        catalogCode: plan.catalogCode,
        funding: plan.funding,
        economicCode: plan.economicCode,
      },
      acceptance,
      assessment,
      randomUUID,
    );
    const facts = this.assetCatalog.facts(plan.catalogCode);
    const numbers = await reserveNumbers(tx.manager, this.assets, event.department, acceptance.acceptedOn, cards.length);
    const caused = causedBy(tx, event);
    // Filed like the purchase: its department and budget year.
    const scope = { department: event.department, budgetYear: event.budgetYear };
    // A new stream per card (its id was just generated): nothing to load, and all of them in one
    // statement, which `no_stream` refuses whole on a clash.
    const streams = cards.map((card, i) => ({
      streamId: assetStreamId(card.assetId),
      scope,
      events: decideAsset(
        initialAssetState(),
        { type: 'RegisterAsset', data: card },
        {
          catalog: facts,
          assetNo: { generated: numbers[i], taken: false },
        },
      ),
    }));
    await this.streams.startAll(caused, assetEvents, streams);
  }
}
