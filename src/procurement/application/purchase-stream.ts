import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { Tx } from '../../database/transaction-runner.js';
import type { StreamCommandResult } from '../../event-log/index.js';
import {
  evolve,
  initialPurchaseState,
  purchaseEvents,
  type PurchaseEvent,
  type PurchaseState,
  summarizePurchase,
} from '../domain/index.js';
import { purchaseStreamId } from '../infrastructure/purchase-stream.js';
import { PurchaseAssets } from './purchase-assets.port.js';
import { planFacts, purchaseView, type PurchaseView } from './purchase.view.js';

/** What every purchase command tells StreamCommands about the stream it runs on. */
export function purchaseStream(purchaseId: string) {
  return {
    streamId: purchaseStreamId(purchaseId),
    codec: purchaseEvents,
    initial: initialPurchaseState(),
    evolve,
    notFound: () => new NotFoundError('PURCHASE.NOT_FOUND', `No purchase ${purchaseId}`, 'id'),
  };
}

/** A purchase command's answer: the purchase as it now stands, with what the register made of it. */
@Injectable()
export class PurchaseAnswer {
  constructor(private readonly assets: PurchaseAssets) {}

  async of(tx: Tx, purchaseId: string, result: StreamCommandResult<PurchaseState, PurchaseEvent>): Promise<PurchaseView> {
    const summary = summarizePurchase(result.state)!;
    // Read in this transaction: an acceptance's answer already shows the cards its reaction registered.
    const cards = await this.assets.summaries(tx.manager, [planFacts(purchaseId, summary)]);
    const { department, budgetYear } = result.scope;
    return purchaseView(purchaseId, result.version, department, budgetYear!, summary, cards.get(purchaseId)!);
  }
}
