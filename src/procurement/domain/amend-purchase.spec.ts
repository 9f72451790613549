import { describe, expect, it } from '@jest/globals';
import { ConflictError, NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import type { PurchaseChanges } from './purchase.commands.js';
import {
  accepted,
  amend,
  cancelled,
  contracted,
  DAILY_OPERATIONS,
  given,
  PRINTING_ENTRY,
  PROPERTY_MANAGEMENT,
  q,
  SHREDDER_ENTRY,
  SHREDDER_ID,
  shredderPlanned,
} from './testing/purchase-fixtures.js';

const amended = (changes: object) => ({ type: 'PurchaseAmended' as const, data: { purchaseId: SHREDDER_ID, changes } });

describe('AmendPurchase', () => {
  it('records only the fields that changed, in event form', () => {
    given([shredderPlanned])
      .when(amend({ quantity: q('2'), amount: 380_000n, funding: { general_budget: 380_000n }, unitPrice: 190_000n, itemName: '碎纸机' }))
      .then([
        amended({
          quantity: { from: '1', to: '2' },
          amount: { from: '1900.00', to: '3800.00' },
          funding: { from: { general_budget: '1900.00' }, to: { general_budget: '3800.00' } },
        }),
      ]);
  });

  it('produces no event when nothing changes', () => {
    given([shredderPlanned])
      .when(amend({ itemName: ' 碎纸机 ', quantity: q('1.0000'), economicCode: undefined }))
      .thenNothingHappens();
  });

  it('produces no event for an empty change set', () => {
    given([shredderPlanned]).when(amend({})).thenNothingHappens();
  });

  it('applies amendments cumulatively', () => {
    given([shredderPlanned, amended({ unit: { from: '个', to: '台' } })])
      .when(amend({ unit: '台', smeReserved: 0n }))
      .then([amended({ smeReserved: { from: '1900.00', to: '0.00' } })]);
  });

  it('moves to another catalog entry, carrying its name, type and default economic line', () => {
    given([shredderPlanned])
      .when(amend({ catalogCode: 'C23090199', itemName: '其他印刷服务', unit: '批' }), { catalogEntry: PRINTING_ENTRY })
      .then([
        amended({
          itemName: { from: '碎纸机', to: '其他印刷服务' },
          catalogCode: { from: 'A02021301', to: 'C23090199' },
          catalogName: { from: '碎纸机', to: '其他印刷服务' },
          procurementType: { from: 'goods', to: 'services' },
          unit: { from: '个', to: '批' },
          economicCode: { from: '31002', to: '30202' },
        }),
      ]);
  });

  it('keeps an explicit economic line when the catalog entry changes', () => {
    given([shredderPlanned, amended({ economicCode: { from: '31002', to: '31007' }, economicCodeExplicit: { from: false, to: true } })])
      .when(amend({ catalogCode: 'C23090199' }), { catalogEntry: PRINTING_ENTRY })
      .then([
        amended({
          catalogCode: { from: 'A02021301', to: 'C23090199' },
          catalogName: { from: '碎纸机', to: '其他印刷服务' },
          procurementType: { from: 'goods', to: 'services' },
        }),
      ]);
  });

  it('sets an explicit economic line, and resets it to the catalog default with null', () => {
    const pinned = amended({ economicCode: { from: '31002', to: '31007' }, economicCodeExplicit: { from: false, to: true } });
    given([shredderPlanned])
      .when(amend({ economicCode: '31007' }))
      .then([pinned]);
    given([shredderPlanned, pinned])
      .when(amend({ economicCode: null }), { catalogEntry: SHREDDER_ENTRY })
      .then([amended({ economicCode: { from: '31007', to: '31002' }, economicCodeExplicit: { from: true, to: false } })]);
  });

  it('does not pick up a changed catalog default for an unchanged catalog code', () => {
    given([shredderPlanned])
      .when(amend({ unit: '台' }), { catalogEntry: { ...SHREDDER_ENTRY, name: '碎纸设备', defaultEconomicLine: '31099' } })
      .then([amended({ unit: { from: '个', to: '台' } })]);
  });

  it('moves to another project of the department', () => {
    given([shredderPlanned])
      .when(amend({ projectCode: 'P2024-002' }), { project: PROPERTY_MANAGEMENT })
      .then([amended({ projectCode: { from: 'P2024-001', to: 'P2024-002' } })]);
  });

  describe('the resulting whole passes the plan rules (400 naming the field)', () => {
    const rejects = (changes: PurchaseChanges, code: string, field: string, context = {}): void => {
      given([shredderPlanned]).when(amend(changes), context).thenThrows(ValidationError, code, field);
    };

    it('quantity changed without the amount', () => rejects({ quantity: q('2') }, 'PURCHASE.AMOUNT_MISMATCH', 'amount'));
    it('amount changed without the funding', () => rejects({ quantity: q('2'), amount: 380_000n }, 'PURCHASE.FUNDING_MISMATCH', 'funding'));
    it('quantity 0', () => rejects({ quantity: q('0') }, 'QUANTITY.NOT_POSITIVE', 'quantity'));
    it('negative unit price', () => rejects({ unitPrice: -1n }, 'MONEY.NEGATIVE', 'unitPrice'));
    it('SME set-aside above the amount', () => rejects({ smeReserved: 200_000n }, 'PURCHASE.SME_EXCEEDS_AMOUNT', 'smeReserved'));
    it('unknown funding source', () =>
      rejects({ funding: { general_budget: 190_000n, donations: 1n } }, 'PURCHASE.FUNDING_SOURCE_UNKNOWN', 'funding.donations'));
    it('blank unit', () => rejects({ unit: ' ' }, 'PURCHASE.REQUIRED', 'unit'));
    it('blank item name', () => rejects({ itemName: '' }, 'PURCHASE.REQUIRED', 'itemName'));
    it('malformed economic code', () => rejects({ economicCode: '3100' }, 'PURCHASE.ECONOMIC_CODE_MALFORMED', 'economicCode'));
    it('unknown catalog code', () =>
      rejects({ catalogCode: 'A02999999' }, 'PURCHASE.CATALOG_CODE_UNKNOWN', 'catalogCode', { catalogEntry: null }));
    it('malformed catalog code', () =>
      rejects({ catalogCode: 'X1' }, 'PURCHASE.CATALOG_CODE_MALFORMED', 'catalogCode', { catalogEntry: null }));
    it('unknown project', () => rejects({ projectCode: 'P2024-404' }, 'PURCHASE.PROJECT_UNKNOWN', 'projectCode', { project: null }));
    it('a field that is not amendable', () =>
      rejects({ department: '732' } as unknown as PurchaseChanges, 'PURCHASE.NOT_AMENDABLE', 'department'));
  });

  it('is refused after the contract (409 naming the status)', () => {
    const error = given([shredderPlanned, contracted()])
      .when(amend({ unit: '台' }))
      .thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION');
    expect(error.message).toBe('Purchase is contracted; cannot amend it');
  });

  it('is refused once cancelled (409 naming the status)', () => {
    const error = given([shredderPlanned, cancelled('预算调减')])
      .when(amend({ unit: '台' }))
      .thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION');
    expect(error.message).toBe('Purchase is cancelled; cannot amend it');
  });

  it('is refused once accepted, before validating the changes', () => {
    given([shredderPlanned, contracted(), accepted()])
      .when(amend({ quantity: q('0') }))
      .thenThrows(ConflictError, 'PURCHASE.ILLEGAL_TRANSITION');
  });

  it('is 404 for a purchase that does not exist', () => {
    given([])
      .when(amend({ unit: '台' }))
      .thenThrows(NotFoundError, 'PURCHASE.NOT_FOUND');
  });

  it('fails loudly when the handler forgot the new catalog entry or project', () => {
    expect(() =>
      given([shredderPlanned])
        .when(amend({ catalogCode: 'C23090199' }))
        .then([]),
    ).toThrow(/context.catalogEntry/);
    expect(() =>
      given([shredderPlanned])
        .when(amend({ projectCode: 'P2024-002' }))
        .then([]),
    ).toThrow(/context.project/);
    expect(() =>
      given([shredderPlanned])
        .when(amend({ economicCode: null }))
        .then([]),
    ).toThrow(/context.catalogEntry/);
  });

  it('needs no lookups when the catalog code and project stay', () => {
    given([shredderPlanned])
      .when(amend({ catalogCode: 'A02021301', projectCode: DAILY_OPERATIONS.code }))
      .thenNothingHappens();
  });
});
