import { describe, expect, it } from '@jest/globals';
import { ConflictError, NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import {
  accept,
  ACCEPTANCE_1,
  ACCEPTANCE_2,
  accepted,
  amend,
  cancelled,
  contracted,
  given,
  propertyPlanned,
  PROPERTY_ID,
  q,
  shredderPlanned,
} from './testing/purchase-fixtures.js';

/** 物业管理服务 1 年 × 150000.00, contracted at 144000.00 and accepted half-year by half-year. */
const propertyContracted = contracted({
  purchaseId: PROPERTY_ID,
  supplier: '某物业服务有限公司',
  contractNo: 'WY-2024-01',
  amount: '144000.00',
  signedOn: '2024-01-05',
});
const firstHalf = accepted({
  purchaseId: PROPERTY_ID,
  acceptanceId: ACCEPTANCE_1,
  quantity: '0.5',
  amount: '72000.00',
  acceptedOn: '2024-06-30',
  acceptedQuantityTotal: '0.5',
  acceptedAmountTotal: '72000.00',
  fullyAccepted: false,
});
const acceptProperty = (overrides: Parameters<typeof accept>[0] = {}) =>
  accept({ purchaseId: PROPERTY_ID, quantity: q('0.5'), amount: 7_200_000n, acceptedOn: '2024-06-30', ...overrides });

describe('AcceptPurchase', () => {
  it('accepts the whole contracted quantity at once: the purchase is closed', () => {
    given([shredderPlanned, contracted()]).when(accept()).then([accepted()]);
  });

  it('accepts part of the quantity', () => {
    given([propertyPlanned, propertyContracted]).when(acceptProperty()).then([firstHalf]);
  });

  it('accepts the rest, reporting totals and closing', () => {
    given([propertyPlanned, propertyContracted, firstHalf])
      .when(acceptProperty({ acceptanceId: ACCEPTANCE_2, acceptedOn: '2024-12-31' }))
      .then([
        accepted({
          purchaseId: PROPERTY_ID,
          acceptanceId: ACCEPTANCE_2,
          quantity: '0.5',
          amount: '72000.00',
          acceptedOn: '2024-12-31',
          acceptedQuantityTotal: '1',
          acceptedAmountTotal: '144000.00',
          fullyAccepted: true,
        }),
      ]);
  });

  it('allows a zero amount and an amount total below the contract', () => {
    given([shredderPlanned, contracted()])
      .when(accept({ amount: 0n }))
      .then([accepted({ amount: '0.00', acceptedAmountTotal: '0.00' })]);
  });

  it('allows acceptance on the signing day', () => {
    given([shredderPlanned, contracted()])
      .when(accept({ acceptedOn: '2024-03-15' }))
      .then([accepted({ acceptedOn: '2024-03-15' })]);
  });

  describe('beyond the contract (409, depends on what was accepted before)', () => {
    it('more than the remaining quantity, naming what remains', () => {
      const error = given([propertyPlanned, propertyContracted, firstHalf])
        .when(acceptProperty({ acceptanceId: ACCEPTANCE_2, quantity: q('0.6'), amount: 0n }))
        .thenThrows(ConflictError, 'PURCHASE.OVER_ACCEPTANCE', 'quantity');
      expect(error.message).toBe('Only 0.5 年 remain to be accepted; cannot accept 0.6');
    });

    it('more than the contracted quantity at once', () => {
      given([shredderPlanned, contracted()])
        .when(accept({ quantity: q('2') }))
        .thenThrows(ConflictError, 'PURCHASE.OVER_ACCEPTANCE', 'quantity');
    });

    it('more money than remains of the contract', () => {
      const error = given([propertyPlanned, propertyContracted, firstHalf])
        .when(acceptProperty({ acceptanceId: ACCEPTANCE_2, amount: 7_200_001n }))
        .thenThrows(ConflictError, 'PURCHASE.OVER_ACCEPTANCE_AMOUNT', 'amount');
      expect(error.message).toContain('72000.00 元');
    });

    it('the same acceptance twice', () => {
      given([propertyPlanned, propertyContracted, firstHalf])
        .when(acceptProperty())
        .thenThrows(ConflictError, 'PURCHASE.DUPLICATE_ACCEPTANCE', 'acceptanceId');
    });
  });

  describe('rejected (400 naming the field)', () => {
    it('quantity 0', () => {
      given([shredderPlanned, contracted()])
        .when(accept({ quantity: q('0') }))
        .thenThrows(ValidationError, 'QUANTITY.NOT_POSITIVE', 'quantity');
    });

    it('a negative amount', () => {
      given([shredderPlanned, contracted()])
        .when(accept({ amount: -1n }))
        .thenThrows(ValidationError, 'MONEY.NEGATIVE', 'amount');
    });

    it('an acceptance id that is not a UUID', () => {
      given([shredderPlanned, contracted()])
        .when(accept({ acceptanceId: '1' }))
        .thenThrows(ValidationError, 'PURCHASE.INVALID_ID', 'acceptanceId');
    });

    it('a date that does not exist', () => {
      given([shredderPlanned, contracted()])
        .when(accept({ acceptedOn: '2024-02-30' }))
        .thenThrows(ValidationError, 'PURCHASE.INVALID_DATE', 'acceptedOn');
    });

    it('a date after today (VALIDATION.FUTURE_DATE, the rule of every business date)', () => {
      given([shredderPlanned, contracted()])
        .when(accept({ acceptedOn: '2100-01-01' }), { today: '2024-06-30' })
        .thenThrows(ValidationError, 'VALIDATION.FUTURE_DATE', 'acceptedOn');
      given([shredderPlanned, contracted()]).when(accept(), { today: '2024-06-30' }).then([accepted()]);
    });

    it('a date before the contract was signed', () => {
      given([shredderPlanned, contracted()])
        .when(accept({ acceptedOn: '2024-03-14' }))
        .thenThrows(ValidationError, 'PURCHASE.ACCEPTED_BEFORE_SIGNED', 'acceptedOn');
    });
  });

  describe('illegal transitions (409 naming the status)', () => {
    it('before a contract', () => {
      const error = given([shredderPlanned]).when(accept()).thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION');
      expect(error.message).toBe('Purchase is planned; cannot accept it');
    });

    it('once cancelled', () => {
      const error = given([shredderPlanned, contracted(), cancelled('合同解除')])
        .when(accept())
        .thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION');
      expect(error.message).toBe('Purchase is cancelled; cannot accept it');
    });

    it('once fully accepted (closed)', () => {
      const error = given([shredderPlanned, contracted(), accepted()])
        .when(accept({ acceptanceId: ACCEPTANCE_2 }))
        .thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION');
      expect(error.message).toBe('Purchase is accepted; cannot accept it');
    });

    it('amending after a partial acceptance', () => {
      given([propertyPlanned, propertyContracted, firstHalf])
        .when(amend({ unit: '月' }, PROPERTY_ID))
        .thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION');
    });
  });

  it('is 404 for a purchase that does not exist', () => {
    given([]).when(accept()).thenThrows(NotFoundError, 'PURCHASE.NOT_FOUND');
  });
});
