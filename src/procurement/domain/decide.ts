import { decideAccept } from './decide-accept.js';
import { decideAmend } from './decide-amend.js';
import { decideCancel } from './decide-cancel.js';
import { decideContract } from './decide-contract.js';
import { decidePlan } from './decide-plan.js';
import type { PurchaseCommand, PurchaseDecisionContext } from './purchase.commands.js';
import type { PurchaseEvent } from './purchase.events.js';
import type { PurchaseState } from './purchase.state.js';

/**
 * The purchase decider: the events a command produces from the current state, or a domain
 * error (ValidationError 400 naming the field, ConflictError 409 naming the current status,
 * NotFoundError 404). Pure: the handler looks up catalog and project facts beforehand.
 */
export function decide(state: PurchaseState, command: PurchaseCommand, context: PurchaseDecisionContext = {}): PurchaseEvent[] {
  switch (command.type) {
    case 'PlanPurchase':
      return decidePlan(state, command.data, context);
    case 'AmendPurchase':
      return decideAmend(state, command.data, context);
    case 'CancelPurchase':
      return decideCancel(state, command.data);
    case 'ContractPurchase':
      return decideContract(state, command.data, context);
    case 'AcceptPurchase':
      return decideAccept(state, command.data, context);
  }
}
