import { ConflictError, ValidationError } from '../../common/errors/domain-error.js';
import { formatYuan } from '../../common/money/money.js';
import { Quantity } from '../../common/money/quantity.js';
import type { AcceptPurchaseData, PurchaseDecisionContext } from './purchase.commands.js';
import { illegalTransition } from './purchase-errors.js';
import type { PurchaseAccepted } from './purchase.events.js';
import { businessDate, requireNonNegativeMoney, requirePositiveQuantity, requireUuid } from './purchase-rules.js';
import type { PurchaseState } from './purchase.state.js';
import { requireExisting } from './require-existing.js';

/**
 * Acceptance (验收) in one or more parts against the contract. The contracted quantity is the
 * planned quantity (a contract carries no quantity of its own). Going beyond what remains,
 * in quantity or in money, depends on what was accepted before, so it is a 409 naming what
 * remains; an amount of 0 is allowed (e.g. free replacement parts accepted as a unit).
 * The purchase is closed (status `accepted`) when the whole quantity is accepted, whatever
 * part of the contract amount that came to.
 */
export function decideAccept(state: PurchaseState, data: AcceptPurchaseData, context: PurchaseDecisionContext = {}): [PurchaseAccepted] {
  const current = requireExisting(state, data.purchaseId);
  if (current.status !== 'contracted' && current.status !== 'partially_accepted') {
    throw illegalTransition(current.status, 'accept', current.purchaseId);
  }
  const acceptanceId = requireUuid(data.acceptanceId, 'acceptanceId');
  const quantity = requirePositiveQuantity(data.quantity, 'quantity');
  const amount = requireNonNegativeMoney(data.amount, 'amount');
  const acceptedOn = businessDate(data.acceptedOn, 'acceptedOn', context.today);
  const { plan, contract } = current;
  if (acceptedOn < contract.signedOn) {
    throw new ValidationError(
      'PURCHASE.ACCEPTED_BEFORE_SIGNED',
      `acceptedOn ${acceptedOn} is before the contract was signed on ${contract.signedOn}`,
      'acceptedOn',
    );
  }

  const before = current.status === 'partially_accepted' ? current.accepted : { quantity: Quantity.ZERO, amount: 0n, acceptanceIds: [] };
  if (before.acceptanceIds.includes(acceptanceId)) {
    throw new ConflictError('PURCHASE.DUPLICATE_ACCEPTANCE', `Acceptance ${acceptanceId} is already recorded`, 'acceptanceId', {
      acceptanceId,
    });
  }
  const remainingQuantity = plan.quantity.subtract(before.quantity);
  if (quantity.compare(remainingQuantity) > 0) {
    throw new ConflictError(
      'PURCHASE.OVER_ACCEPTANCE',
      `Only ${remainingQuantity} ${plan.unit} remain to be accepted; cannot accept ${quantity}`,
      'quantity',
      { remainingQuantity: remainingQuantity.toString(), unit: plan.unit },
    );
  }
  const remainingAmount = contract.amount - before.amount;
  if (amount > remainingAmount) {
    throw new ConflictError(
      'PURCHASE.OVER_ACCEPTANCE_AMOUNT',
      `Only ${formatYuan(remainingAmount)} 元 of the contract remain to be accepted; cannot accept ${formatYuan(amount)} 元`,
      'amount',
      { remainingAmount: formatYuan(remainingAmount) },
    );
  }

  const quantityTotal = before.quantity.add(quantity);
  return [
    {
      type: 'PurchaseAccepted',
      data: {
        purchaseId: current.purchaseId,
        acceptanceId,
        quantity: quantity.toString(),
        amount: formatYuan(amount),
        acceptedOn,
        acceptedQuantityTotal: quantityTotal.toString(),
        acceptedAmountTotal: formatYuan(before.amount + amount),
        fullyAccepted: quantityTotal.equals(plan.quantity),
      },
    },
  ];
}
