// The procurement context's public surface: what other contexts may use.
export { purchaseEvents, type PurchaseAccepted, type PurchaseAcceptedData, type PurchaseEvent } from './domain/purchase.events.js';
export { foldPurchase } from './domain/evolve.js';
export type { ExistingPurchase, PurchasePlan, PurchaseState } from './domain/purchase.state.js';
export { isPurchaseStream, purchaseStreamId } from './infrastructure/purchase-stream.js';
export { PURCHASE_EVENTS_PROJECTED_UNDER_LOCK } from './infrastructure/purchase-check-totals.js';
export { PurchaseAssets, type PurchaseAssetsSummary, type PurchasePlanFacts } from './application/purchase-assets.port.js';
export {
  PURCHASE_CHECK_GROUPS_JSON,
  type PurchaseCheckGroup,
  type PurchaseCheckGroupRow,
  purchaseCheckGroupsFrom,
  type SuspectUnitPriceGroup,
} from './infrastructure/purchase-check-groups.js';
export { type LivePlan, type LivePurchase, type PurchaseAmounts, PurchaseRepository } from './infrastructure/purchase.repository.js';
export { PlanPurchaseCommand, PlanPurchaseHandler } from './application/plan-purchase.handler.js';
export { ChangePurchaseCommand, ChangePurchaseHandler } from './application/change-purchase.handler.js';
export type { PlanFields, PurchaseChanges } from './domain/purchase.commands.js';
export type { PurchasePlanPayload } from './domain/purchase.events.js';
