import { ConflictError, NotFoundError } from '../../common/errors/domain-error.js';
import type { PurchaseStatus } from './purchase.state.js';

export type PurchaseVerb = 'plan' | 'amend' | 'cancel' | 'contract' | 'accept';

/** 409 naming the current status: "Purchase is cancelled; cannot contract it". */
export function illegalTransition(status: PurchaseStatus, verb: PurchaseVerb, purchaseId: string): ConflictError {
  return new ConflictError('PURCHASE.ILLEGAL_TRANSITION', `Purchase is ${status.replace('_', ' ')}; cannot ${verb} it`, undefined, {
    purchaseId,
    status,
    attempted: verb,
  });
}

export function purchaseNotFound(purchaseId: string): NotFoundError {
  return new NotFoundError('PURCHASE.NOT_FOUND', `Purchase ${purchaseId} does not exist`, undefined, { purchaseId });
}

export function purchaseAlreadyExists(purchaseId: string, status: PurchaseStatus): ConflictError {
  return new ConflictError(
    'PURCHASE.ALREADY_EXISTS',
    `Purchase ${purchaseId} already exists and is ${status.replace('_', ' ')}`,
    'purchaseId',
    { purchaseId, status },
  );
}
