import { describe, expect, it } from '@jest/globals';
import { ConflictError, NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import { ACCEPTANCE_2, accepted, cancel, cancelled, contracted, given, shredderPlanned } from './testing/purchase-fixtures.js';

describe('CancelPurchase', () => {
  it('cancels a planned purchase', () => {
    given([shredderPlanned])
      .when(cancel('年中预算调减'))
      .then([cancelled('年中预算调减')]);
  });

  it('cancels a contracted purchase (contract rescinded before delivery)', () => {
    given([shredderPlanned, contracted()])
      .when(cancel(' 供应商违约，合同解除 '))
      .then([cancelled('供应商违约，合同解除')]);
  });

  it('needs a reason (400 naming the field)', () => {
    given([shredderPlanned]).when(cancel('   ')).thenThrows(ValidationError, 'PURCHASE.REQUIRED', 'reason');
  });

  it('is refused twice (409 naming the status)', () => {
    const error = given([shredderPlanned, cancelled('预算调减')])
      .when(cancel('again'))
      .thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION');
    expect(error.message).toBe('Purchase is cancelled; cannot cancel it');
  });

  it('is refused after a partial acceptance', () => {
    const error = given([
      shredderPlanned,
      contracted(),
      accepted({ acceptanceId: ACCEPTANCE_2, quantity: '0.5', acceptedQuantityTotal: '0.5', fullyAccepted: false }),
    ])
      .when(cancel('too late'))
      .thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION');
    expect(error.message).toBe('Purchase is partially accepted; cannot cancel it');
  });

  it('is refused after full acceptance', () => {
    given([shredderPlanned, contracted(), accepted()]).when(cancel('too late')).thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION');
  });

  it('is 404 for a purchase that does not exist', () => {
    given([]).when(cancel('x')).thenThrows(NotFoundError, 'PURCHASE.NOT_FOUND');
  });
});
