import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { StreamCommandResult } from '../../event-log/index.js';
import { evolve } from '../domain/evolve.js';
import { purchaseEvents, type PurchaseEvent } from '../domain/purchase.events.js';
import { initialPurchaseState, type PurchaseState } from '../domain/purchase.state.js';
import { summarizePurchase } from '../domain/purchase.summary.js';
import { purchaseStreamId } from '../infrastructure/purchase-stream.js';
import type { PurchaseAssets } from './purchase-assets.port.js';
import { purchaseViews, type PurchaseView } from './purchase.view.js';

/** What every purchase command runs on: the purchase's stream, decoded with the purchase events. */
export const purchaseStream = (purchaseId: string) => ({
  streamId: purchaseStreamId(purchaseId),
  codec: purchaseEvents,
  initial: initialPurchaseState(),
  evolve,
  notFound: () => new NotFoundError('PURCHASE.NOT_FOUND', `No purchase ${purchaseId}`, 'id'),
});

/**
 * A command's answer: the purchase as it stands after it. Read in the command's transaction, so
 * an acceptance's answer already shows the cards the asset register's reactor just registered.
 */
export async function answer(
  tx: EntityManager,
  assets: PurchaseAssets,
  purchaseId: string,
  { state, scope, version }: StreamCommandResult<PurchaseState, PurchaseEvent>,
): Promise<PurchaseView> {
  const [view] = await purchaseViews(tx, assets, [
    { id: purchaseId, version, department: scope.department, budgetYear: scope.budgetYear!, summary: summarizePurchase(state)! },
  ]);
  return view;
}
