import { describe, expect, it } from '@jest/globals';
import { ConflictError, NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import { accepted, cancelled, contract, contracted, given, shredderPlanned } from './testing/purchase-fixtures.js';

describe('ContractPurchase', () => {
  it('contracts a planned purchase below its planned amount (savings)', () => {
    given([shredderPlanned]).when(contract()).then([contracted()]);
  });

  it('contracts at exactly the planned amount', () => {
    given([shredderPlanned])
      .when(contract({ amount: 190_000n }))
      .then([contracted({ amount: '1900.00' })]);
  });

  it('accepts a contract signed today, and refuses one dated after today (the day the handler reads from the database clock)', () => {
    given([shredderPlanned])
      .when(contract({ signedOn: '2024-03-15' }), { today: '2024-03-15' })
      .then([contracted({ signedOn: '2024-03-15' })]);
    const error = given([shredderPlanned])
      .when(contract({ signedOn: '2024-03-16' }), { today: '2024-03-15' })
      .thenThrows(ValidationError, 'VALIDATION.FUTURE_DATE', 'signedOn');
    expect(error.message).toBe('signedOn 2024-03-16 is in the future (today is 2024-03-15)');
  });

  it('accepts a leap day', () => {
    given([shredderPlanned])
      .when(contract({ signedOn: '2024-02-29' }))
      .then([contracted({ signedOn: '2024-02-29' })]);
  });

  describe('rejected (400 naming the field)', () => {
    it('an amount above the planned amount', () => {
      const error = given([shredderPlanned])
        .when(contract({ amount: 190_001n }))
        .thenThrows(ValidationError, 'PURCHASE.CONTRACT_OVER_BUDGET', 'amount');
      expect(error.message).toContain('1900.00 元');
    });

    it('a zero amount', () => {
      given([shredderPlanned])
        .when(contract({ amount: 0n }))
        .thenThrows(ValidationError, 'MONEY.NOT_POSITIVE', 'amount');
    });

    it('a negative amount', () => {
      given([shredderPlanned])
        .when(contract({ amount: -1n }))
        .thenThrows(ValidationError, 'MONEY.NEGATIVE', 'amount');
    });

    it('a blank supplier', () => {
      given([shredderPlanned])
        .when(contract({ supplier: ' ' }))
        .thenThrows(ValidationError, 'PURCHASE.REQUIRED', 'supplier');
    });

    it('a blank contract number', () => {
      given([shredderPlanned])
        .when(contract({ contractNo: '' }))
        .thenThrows(ValidationError, 'PURCHASE.REQUIRED', 'contractNo');
    });

    it.each(['2023-02-29', '2024-13-01', '2024-04-31', '2024/03/15', '15.03.2024', '2024-3-15'])('a signing date %j', (signedOn) => {
      given([shredderPlanned]).when(contract({ signedOn })).thenThrows(ValidationError, 'PURCHASE.INVALID_DATE', 'signedOn');
    });
  });

  it('is refused once cancelled (409 naming the status)', () => {
    const error = given([shredderPlanned, cancelled('预算调减')])
      .when(contract())
      .thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION');
    expect(error.message).toBe('Purchase is cancelled; cannot contract it');
  });

  it('is refused twice', () => {
    const error = given([shredderPlanned, contracted()]).when(contract()).thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION');
    expect(error.message).toBe('Purchase is contracted; cannot contract it');
  });

  it('is refused once accepted', () => {
    given([shredderPlanned, contracted(), accepted()]).when(contract()).thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION');
  });

  it('is 404 for a purchase that does not exist', () => {
    given([]).when(contract()).thenThrows(NotFoundError, 'PURCHASE.NOT_FOUND');
  });
});
