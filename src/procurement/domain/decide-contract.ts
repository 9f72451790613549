import { ValidationError } from '../../common/errors/domain-error.js';
import { formatYuan } from '../../common/money/money.js';
import type { ContractPurchaseData, PurchaseDecisionContext } from './purchase.commands.js';
import { illegalTransition } from './purchase-errors.js';
import type { PurchaseContracted } from './purchase.events.js';
import { businessDate, requirePositiveMoney, requireText } from './purchase-rules.js';
import type { PurchaseState } from './purchase.state.js';
import { requireExisting } from './require-existing.js';

/**
 * A contract may come in under the planned amount (savings are normal) but never over it:
 * spending beyond the 政府采购预算 needs the budget amended first, so over-budget is a 400 on
 * `amount` rather than a warning.
 */
export function decideContract(
  state: PurchaseState,
  data: ContractPurchaseData,
  context: PurchaseDecisionContext = {},
): [PurchaseContracted] {
  const current = requireExisting(state, data.purchaseId);
  if (current.status !== 'planned') throw illegalTransition(current.status, 'contract', current.purchaseId);

  const supplier = requireText(data.supplier, 'supplier');
  const contractNo = requireText(data.contractNo, 'contractNo');
  const amount = requirePositiveMoney(data.amount, 'amount');
  const signedOn = businessDate(data.signedOn, 'signedOn', context.today);
  const planned = current.plan.amount;
  if (amount > planned) {
    throw new ValidationError(
      'PURCHASE.CONTRACT_OVER_BUDGET',
      `contract amount ${formatYuan(amount)} 元 exceeds the planned amount ${formatYuan(planned)} 元; amend the purchase first`,
      'amount',
      { planned: formatYuan(planned), received: formatYuan(amount) },
    );
  }
  return [
    {
      type: 'PurchaseContracted',
      data: { purchaseId: current.purchaseId, supplier, contractNo, amount: formatYuan(amount), signedOn },
    },
  ];
}
