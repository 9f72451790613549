import { describe, expect, it } from '@jest/globals';
import { ConflictError, ValidationError } from '../../common/errors/domain-error.js';
import {
  DAILY_OPERATIONS,
  given,
  PRINTING_ENTRY,
  propertyContext,
  propertyPlan,
  propertyPlanned,
  q,
  SHREDDER_ENTRY,
  shredderContext,
  shredderPlan,
  shredderPlanned,
} from './testing/purchase-fixtures.js';

describe('PlanPurchase', () => {
  it('plans the shredder of the reference disclosure, economic line 31002 from the catalog', () => {
    given([]).when(shredderPlan(), shredderContext).then([shredderPlanned]);
  });

  it('plans the property management service, economic line 30209 from the catalog', () => {
    given([]).when(propertyPlan(), propertyContext).then([propertyPlanned]);
  });

  it('records an explicit economic line as explicit', () => {
    given([])
      .when(shredderPlan({ economicCode: '31007' }), shredderContext)
      .then([{ ...shredderPlanned, data: { ...shredderPlanned.data, economicCode: '31007', economicCodeExplicit: true } }]);
  });

  it('records no economic line when neither the officer nor the catalog gives one', () => {
    given([])
      .when(shredderPlan(), { ...shredderContext, catalogEntry: { ...SHREDDER_ENTRY, defaultEconomicLine: undefined } })
      .then([{ ...shredderPlanned, data: { ...shredderPlanned.data, economicCode: null } }]);
  });

  it('trims text, drops zero funding parts and defaults the SME set-aside to 0.00', () => {
    given([])
      .when(
        shredderPlan({
          itemName: ' 碎纸机 ',
          unit: '个 ',
          funding: { general_budget: 190_000n, unit_funds: 0n },
          smeReserved: undefined,
        }),
        shredderContext,
      )
      .then([{ ...shredderPlanned, data: { ...shredderPlanned.data, smeReserved: '0.00' } }]);
  });

  it('splits funding across sources, listed in table order', () => {
    const events = given([])
      .when(
        shredderPlan({
          quantity: q('2.5'),
          unitPrice: 33n,
          amount: 83n,
          funding: { unit_funds: 3n, general_budget: 80n },
          smeReserved: 0n,
        }),
        shredderContext,
      )
      .then([
        {
          ...shredderPlanned,
          data: {
            ...shredderPlanned.data,
            quantity: '2.5',
            unitPrice: '0.33',
            amount: '0.83',
            funding: { general_budget: '0.80', unit_funds: '0.03' },
            smeReserved: '0.00',
          },
        },
      ]);
    expect(Object.keys((events[0].data as { funding: object }).funding)).toEqual(['general_budget', 'unit_funds']);
  });

  it('rejects a purchase id that already has a stream (409)', () => {
    given([shredderPlanned]).when(shredderPlan(), shredderContext).thenThrows(ConflictError, 'PURCHASE.ALREADY_EXISTS', 'purchaseId');
  });

  describe('rejected at the door (400 naming the field)', () => {
    it('a purchase id that is not a UUID', () => {
      given([])
        .when(shredderPlan({ purchaseId: 'shredder-1' }), shredderContext)
        .thenThrows(ValidationError, 'PURCHASE.INVALID_ID', 'purchaseId');
    });

    it('a malformed catalog code', () => {
      given([])
        .when(shredderPlan({ catalogCode: 'A020213' }), { ...shredderContext, catalogEntry: null })
        .thenThrows(ValidationError, 'PURCHASE.CATALOG_CODE_MALFORMED', 'catalogCode');
    });

    it('an unknown catalog code', () => {
      given([])
        .when(shredderPlan({ catalogCode: 'A02999999' }), { ...shredderContext, catalogEntry: null })
        .thenThrows(ValidationError, 'PURCHASE.CATALOG_CODE_UNKNOWN', 'catalogCode');
    });

    it('quantity 0', () => {
      given([])
        .when(shredderPlan({ quantity: q('0') }), shredderContext)
        .thenThrows(ValidationError, 'QUANTITY.NOT_POSITIVE', 'quantity');
    });

    it('a negative quantity', () => {
      given([])
        .when(shredderPlan({ quantity: q('-1') }), shredderContext)
        .thenThrows(ValidationError, 'QUANTITY.NOT_POSITIVE', 'quantity');
    });

    it('a negative unit price', () => {
      given([])
        .when(shredderPlan({ unitPrice: -190_000n }), shredderContext)
        .thenThrows(ValidationError, 'MONEY.NEGATIVE', 'unitPrice');
    });

    it('a zero unit price', () => {
      given([])
        .when(shredderPlan({ unitPrice: 0n, amount: 0n }), shredderContext)
        .thenThrows(ValidationError, 'MONEY.NOT_POSITIVE', 'unitPrice');
    });

    it('a negative amount', () => {
      given([])
        .when(shredderPlan({ amount: -190_000n }), shredderContext)
        .thenThrows(ValidationError, 'MONEY.NEGATIVE', 'amount');
    });

    it('a negative funding part', () => {
      given([])
        .when(shredderPlan({ funding: { general_budget: 200_000n, unit_funds: -10_000n } }), shredderContext)
        .thenThrows(ValidationError, 'MONEY.NEGATIVE', 'funding.unit_funds');
    });

    it('a negative SME set-aside', () => {
      given([])
        .when(shredderPlan({ smeReserved: -1n }), shredderContext)
        .thenThrows(ValidationError, 'MONEY.NEGATIVE', 'smeReserved');
    });

    it('an amount that is not quantity × unit price, stating the expected value in 元', () => {
      const error = given([])
        .when(shredderPlan({ amount: 180_000n, funding: { general_budget: 180_000n }, smeReserved: 0n }), shredderContext)
        .thenThrows(ValidationError, 'PURCHASE.AMOUNT_MISMATCH', 'amount');
      expect(error.message).toContain('1900.00 元');
    });

    it('an amount off by the rounding: 2.5 × 0.33 is 0.83, not 0.82', () => {
      given([])
        .when(
          shredderPlan({ quantity: q('2.5'), unitPrice: 33n, amount: 82n, funding: { general_budget: 82n }, smeReserved: 0n }),
          shredderContext,
        )
        .thenThrows(ValidationError, 'PURCHASE.AMOUNT_MISMATCH', 'amount');
    });

    it('funding parts not summing to the amount, stating both sums', () => {
      const error = given([])
        .when(shredderPlan({ funding: { general_budget: 100_000n, unit_funds: 80_000n } }), shredderContext)
        .thenThrows(ValidationError, 'PURCHASE.FUNDING_MISMATCH', 'funding');
      expect(error.message).toContain('1800.00 元');
      expect(error.message).toContain('1900.00 元');
    });

    it('funding with no positive part', () => {
      given([])
        .when(shredderPlan({ funding: { general_budget: 0n } }), shredderContext)
        .thenThrows(ValidationError, 'PURCHASE.FUNDING_EMPTY', 'funding');
    });

    it('an unknown funding source', () => {
      given([])
        .when(shredderPlan({ funding: { general_budget: 190_000n, lottery: 0n } }), shredderContext)
        .thenThrows(ValidationError, 'PURCHASE.FUNDING_SOURCE_UNKNOWN', 'funding.lottery');
    });

    it('an SME set-aside above the amount', () => {
      given([])
        .when(shredderPlan({ smeReserved: 190_001n }), shredderContext)
        .thenThrows(ValidationError, 'PURCHASE.SME_EXCEEDS_AMOUNT', 'smeReserved');
    });

    it('an unknown project', () => {
      given([])
        .when(shredderPlan({ projectCode: 'P2024-404' }), { ...shredderContext, project: null })
        .thenThrows(ValidationError, 'PURCHASE.PROJECT_UNKNOWN', 'projectCode');
    });

    it('a blank unit', () => {
      given([])
        .when(shredderPlan({ unit: '  ' }), shredderContext)
        .thenThrows(ValidationError, 'PURCHASE.REQUIRED', 'unit');
    });

    it('a blank item name', () => {
      given([])
        .when(shredderPlan({ itemName: '' }), shredderContext)
        .thenThrows(ValidationError, 'PURCHASE.REQUIRED', 'itemName');
    });

    it('an overlong item name', () => {
      given([])
        .when(shredderPlan({ itemName: '碎'.repeat(201) }), shredderContext)
        .thenThrows(ValidationError, 'PURCHASE.TOO_LONG', 'itemName');
    });

    it.each(['3100', '310021', '41002', 'abcde', ''])('a malformed economic code %j', (economicCode) => {
      given([])
        .when(shredderPlan({ economicCode }), shredderContext)
        .thenThrows(ValidationError, 'PURCHASE.ECONOMIC_CODE_MALFORMED', 'economicCode');
    });
  });

  it('fails loudly (not 400) when the handler forgot to resolve the catalog entry', () => {
    expect(() => given([]).when(shredderPlan(), { project: DAILY_OPERATIONS }).then([])).toThrow(/context.catalogEntry/);
  });

  it('fails loudly when the handler resolved the wrong catalog entry', () => {
    expect(() =>
      given([])
        .when(shredderPlan(), { ...shredderContext, catalogEntry: PRINTING_ENTRY })
        .then([]),
    ).toThrow(/C23090199/);
  });
});
