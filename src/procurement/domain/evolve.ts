import { yuanToFen } from '../../common/money/money.js';
import { Quantity } from '../../common/money/quantity.js';
import { planFromPayload, planToPayload } from './plan-payload.js';
import type { PurchaseEvent, PurchasePlanPayload } from './purchase.events.js';
import type { PurchaseState } from './purchase.state.js';

/**
 * Applies one recorded event. Events are facts: an event that cannot follow the current state
 * means a corrupt stream or a decider bug, and fails loudly rather than being skipped, so that
 * a rebuild never silently differs from the live state.
 */
export function evolve(state: PurchaseState, event: PurchaseEvent): PurchaseState {
  switch (event.type) {
    case 'PurchasePlanned': {
      if (state.status !== 'empty') throw impossible(event, state);
      const { purchaseId, ...plan } = event.data;
      return { status: 'planned', purchaseId, plan: planFromPayload(plan) };
    }
    case 'PurchaseAmended': {
      if (state.status !== 'planned') throw impossible(event, state);
      const payload: Record<string, unknown> = { ...planToPayload(state.plan) };
      for (const [field, change] of Object.entries(event.data.changes)) payload[field] = change.to;
      return { ...state, plan: planFromPayload(payload as PurchasePlanPayload) };
    }
    case 'PurchaseCancelled': {
      if (state.status !== 'planned' && state.status !== 'contracted') throw impossible(event, state);
      return {
        status: 'cancelled',
        purchaseId: state.purchaseId,
        plan: state.plan,
        contract: state.status === 'contracted' ? state.contract : null,
        reason: event.data.reason,
      };
    }
    case 'PurchaseContracted': {
      if (state.status !== 'planned') throw impossible(event, state);
      const { supplier, contractNo, amount, signedOn } = event.data;
      return {
        status: 'contracted',
        purchaseId: state.purchaseId,
        plan: state.plan,
        contract: { supplier, contractNo, amount: yuanToFen(amount), signedOn },
      };
    }
    case 'PurchaseAccepted': {
      if (state.status !== 'contracted' && state.status !== 'partially_accepted') throw impossible(event, state);
      const previousIds = state.status === 'partially_accepted' ? state.accepted.acceptanceIds : [];
      return {
        status: event.data.fullyAccepted ? 'accepted' : 'partially_accepted',
        purchaseId: state.purchaseId,
        plan: state.plan,
        contract: state.contract,
        accepted: {
          quantity: Quantity.decode(event.data.acceptedQuantityTotal),
          amount: yuanToFen(event.data.acceptedAmountTotal),
          acceptanceIds: [...previousIds, event.data.acceptanceId],
        },
      };
    }
    default:
      return state;
  }
}

/** Replays a stream from the start. */
export function foldPurchase(events: Iterable<PurchaseEvent>): PurchaseState {
  let state: PurchaseState = { status: 'empty' };
  for (const event of events) state = evolve(state, event);
  return state;
}

function impossible(event: PurchaseEvent, state: PurchaseState): Error {
  return new Error(`${event.type} cannot follow a purchase that is ${state.status} (purchase ${event.data.purchaseId})`);
}
