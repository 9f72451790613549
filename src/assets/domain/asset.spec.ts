import { describe, expect, it } from '@jest/globals';
import { ConflictError, NotFoundError, ValidationError } from '../../common/errors/domain-error.js';
import { Quantity } from '../../common/money/quantity.js';
import { foldAsset } from './evolve-asset.js';
import { CABINET_ENTRY, CAR_ID, carContext, carRegistered, given, registerCar, TODAY } from './testing/asset-fixtures.js';

const moved = (changes: object) => ({ type: 'AssetMoved' as const, data: { assetId: CAR_ID, changes } });
const dispose = (overrides: object = {}) => ({
  type: 'DisposeAsset' as const,
  data: { assetId: CAR_ID, disposedOn: '2024-11-30', method: 'sold' as const, reason: '公车改革拍卖', ...overrides },
});
const disposed = {
  type: 'AssetDisposed' as const,
  data: { assetId: CAR_ID, disposedOn: '2024-11-30', method: 'sold' as const, reason: '公车改革拍卖', quantity: '1', value: '213600.00' },
};

describe('RegisterAsset', () => {
  it('registers a card under the category of its catalog code', () => {
    given([]).when(registerCar(), carContext).then([carRegistered()]);
  });

  it('keeps location, custodian, unit and a funding split that sums to the value', () => {
    given([])
      .when(
        registerCar({
          location: ' 车库 ',
          custodian: '王五',
          unit: '辆',
          funding: { general_budget: 20_000_000n, unit_funds: 1_360_000n },
        }),
        carContext,
      )
      .then([
        carRegistered({
          location: '车库',
          custodian: '王五',
          unit: '辆',
          funding: { general_budget: '200000.00', unit_funds: '13600.00' },
        }),
      ]);
  });

  it('takes a batch quantity for a batch category, with the unit value rounded half-up', () => {
    const events = given([])
      .when(registerCar({ catalogCode: 'A05010502', name: '文件柜', quantity: Quantity.fromInteger(3), originalValue: 100_000n }), {
        ...carContext,
        catalog: CABINET_ENTRY,
      })
      .then([
        carRegistered({
          name: '文件柜',
          catalogCode: 'A05010502',
          catalogName: '文件柜',
          category: '家具用具',
          categoryCode: 'furniture',
          quantity: '3',
          originalValue: '1000.00',
          unitValue: '333.33',
        }),
      ]);
    expect(foldAsset(events)).toMatchObject({ status: 'in_use', card: { quantity: 3n, originalValue: 100_000n } });
  });

  describe('rejected (400 naming the field)', () => {
    const rejects = (overrides: object, code: string, field: string, context = carContext): void => {
      given([]).when(registerCar(overrides), context).thenThrows(ValidationError, code, field);
    };

    it('a malformed catalog code', () => rejects({ catalogCode: 'A0203' }, 'ASSET.CATALOG_CODE_MALFORMED', 'catalogCode'));
    it('an unknown catalog code', () => rejects({}, 'ASSET.CATALOG_CODE_UNKNOWN', 'catalogCode', { ...carContext, catalog: null }));
    it('a service', () =>
      rejects({ catalogCode: 'C21040000' }, 'ASSET.NOT_GOODS', 'catalogCode', {
        ...carContext,
        catalog: { code: 'C21040000', name: '物业管理服务', type: 'services', category: null, batch: false },
      }));
    it('a consumable', () =>
      rejects({ catalogCode: 'A05040101' }, 'ASSET.NOT_AN_ASSET', 'catalogCode', {
        ...carContext,
        catalog: { code: 'A05040101', name: '复印纸', type: 'goods', category: null, batch: false },
      }));
    it('more than one car on a card', () => rejects({ quantity: Quantity.fromInteger(2) }, 'ASSET.QUANTITY_NOT_BATCH', 'quantity'));
    it('half a car', () => rejects({ quantity: Quantity.decode('0.5') }, 'ASSET.QUANTITY_NOT_WHOLE', 'quantity'));
    it('no car', () => rejects({ quantity: Quantity.ZERO }, 'QUANTITY.NOT_POSITIVE', 'quantity'));
    it('a negative value', () => rejects({ originalValue: -1n }, 'MONEY.NEGATIVE', 'originalValue'));
    it('a date that does not exist', () => rejects({ acquiredOn: '2023-02-29' }, 'ASSET.INVALID_DATE', 'acquiredOn'));
    it('a date after today', () => rejects({ acquiredOn: '2025-01-01' }, 'VALIDATION.FUTURE_DATE', 'acquiredOn'));
    it('a blank name', () => rejects({ name: '  ' }, 'ASSET.REQUIRED', 'name'));
    it('funding that does not sum to the value', () => rejects({ funding: { general_budget: 1n } }, 'ASSET.FUNDING_MISMATCH', 'funding'));
  });

  it('a card id twice is 409', () => {
    given([carRegistered()]).when(registerCar(), carContext).thenThrows(ConflictError, 'ASSET.ALREADY_EXISTS', 'assetId');
  });
});

describe('RegisterAsset: a useful life of its own', () => {
  // 车辆: 8 years under 财会〔2017〕4号, as AssetCatalog resolves it.
  const withMinimum = { ...carContext, catalog: { ...carContext.catalog!, minimumLifeMonths: 96 } };

  it('keeps a life longer than the minimum; none given is null (the minimum)', () => {
    given([])
      .when(registerCar({ usefulLifeMonths: 120 }), withMinimum)
      .then([carRegistered({ usefulLifeMonths: 120 })]);
    given([]).when(registerCar(), withMinimum).then([carRegistered()]);
  });

  it('refuses a shorter one, a fraction, and any life for a class that is not depreciated (400 usefulLifeMonths)', () => {
    given([])
      .when(registerCar({ usefulLifeMonths: 95 }), withMinimum)
      .thenThrows(ValidationError, 'ASSET.USEFUL_LIFE_TOO_SHORT', 'usefulLifeMonths');
    given([])
      .when(registerCar({ usefulLifeMonths: 100.5 }), withMinimum)
      .thenThrows(ValidationError, 'ASSET.USEFUL_LIFE_INVALID', 'usefulLifeMonths');
    const land = { ...withMinimum, catalog: { ...withMinimum.catalog, minimumLifeMonths: null } };
    given([])
      .when(registerCar({ usefulLifeMonths: 600 }), land)
      .thenThrows(ValidationError, 'ASSET.NOT_DEPRECIATED', 'usefulLifeMonths');
  });
});

describe('MoveAsset', () => {
  it('records what changed, from and to', () => {
    given([carRegistered({ location: '车库' })])
      .when({ type: 'MoveAsset', data: { assetId: CAR_ID, location: '车库', custodian: '司机班' } })
      .then([moved({ custodian: { from: null, to: '司机班' } })]);
  });

  it('null clears a field; the same values again are no change', () => {
    given([carRegistered({ location: '车库' })])
      .when({ type: 'MoveAsset', data: { assetId: CAR_ID, location: null } })
      .then([moved({ location: { from: '车库', to: null } })]);
    given([carRegistered(), moved({ custodian: { from: null, to: '司机班' } })])
      .when({ type: 'MoveAsset', data: { assetId: CAR_ID, custodian: '司机班' } })
      .thenNothingHappens();
  });

  it('needs something to move', () => {
    given([carRegistered()])
      .when({ type: 'MoveAsset', data: { assetId: CAR_ID } })
      .thenThrows(ValidationError, 'ASSET.NOTHING_TO_MOVE', 'location');
  });

  it('a disposed card does not move (409); an unknown one is 404', () => {
    given([carRegistered(), disposed])
      .when({ type: 'MoveAsset', data: { assetId: CAR_ID, location: 'x' } })
      .thenThrows(ConflictError, 'ASSET.DISPOSED');
    given([])
      .when({ type: 'MoveAsset', data: { assetId: CAR_ID, location: 'x' } })
      .thenThrows(NotFoundError, 'ASSET.NOT_FOUND');
  });
});

describe('DisposeAsset', () => {
  it('takes the card out with its quantity and value', () => {
    const events = given([carRegistered()]).when(dispose(), { today: TODAY }).then([disposed]);
    expect(foldAsset([carRegistered(), ...events])).toMatchObject({
      status: 'disposed',
      disposal: { disposedOn: '2024-11-30', method: 'sold' },
    });
  });

  it('allows disposal on the day of acquisition', () => {
    given([carRegistered()])
      .when(dispose({ disposedOn: '2020-06-30' }), { today: TODAY })
      .then([{ ...disposed, data: { ...disposed.data, disposedOn: '2020-06-30' } }]);
  });

  it('refuses a disposal before the acquisition, in the future, or on a malformed date (400 disposedOn)', () => {
    given([carRegistered()])
      .when(dispose({ disposedOn: '2020-06-29' }), { today: TODAY })
      .thenThrows(ValidationError, 'ASSET.DISPOSED_BEFORE_ACQUIRED', 'disposedOn');
    given([carRegistered()])
      .when(dispose({ disposedOn: '2025-01-01' }), { today: TODAY })
      .thenThrows(ValidationError, 'VALIDATION.FUTURE_DATE', 'disposedOn');
    given([carRegistered()])
      .when(dispose({ disposedOn: '2024/11/30' }), { today: TODAY })
      .thenThrows(ValidationError, 'ASSET.INVALID_DATE', 'disposedOn');
  });

  it('needs a reason', () => {
    given([carRegistered()])
      .when(dispose({ reason: '' }), { today: TODAY })
      .thenThrows(ValidationError, 'ASSET.REQUIRED', 'reason');
  });

  it('disposing twice is 409', () => {
    given([carRegistered(), disposed]).when(dispose(), { today: TODAY }).thenThrows(ConflictError, 'ASSET.ALREADY_DISPOSED');
  });

  it('an unknown card is 404', () => {
    given([]).when(dispose(), { today: TODAY }).thenThrows(NotFoundError, 'ASSET.NOT_FOUND');
  });
});

describe('evolveAsset', () => {
  it('refuses an event that cannot follow (a corrupt stream)', () => {
    expect(() => foldAsset([disposed])).toThrow(/cannot follow/);
    expect(() => foldAsset([carRegistered(), disposed, disposed])).toThrow(/cannot follow/);
  });
});

describe('RegisterAsset: 资产编号', () => {
  it('takes the number the handler generated when none is given', () => {
    given([])
      .when(registerCar(), carContext)
      .then([carRegistered({ assetNo: '731-2020-000001' })]);
  });

  it('keeps a given number, trimmed, with the register fields', () => {
    given([])
      .when(
        registerCar({ assetNo: ' GZ-0007 ', brand: '红旗', model: 'H5', usingDepartment: '办公室', voucherNo: '记-7', usage: 'idle' }),
        { ...carContext, assetNo: { generated: null, taken: false } },
      )
      .then([
        carRegistered({ assetNo: 'GZ-0007', brand: '红旗', model: 'H5', usingDepartment: '办公室', voucherNo: '记-7', usage: 'idle' }),
      ]);
  });

  it("refuses another card's number (409) and a number with spaces (400)", () => {
    given([])
      .when(registerCar({ assetNo: 'GZ-0007' }), { ...carContext, assetNo: { generated: null, taken: true } })
      .thenThrows(ConflictError, 'ASSET.NUMBER_TAKEN', 'assetNo');
    given([])
      .when(registerCar({ assetNo: 'GZ 0007' }), { ...carContext, assetNo: { generated: null, taken: false } })
      .thenThrows(ValidationError, 'ASSET.NUMBER_MALFORMED', 'assetNo');
  });

  it('refuses a finance entry date that is not a date', () => {
    given([])
      .when(registerCar({ financeEntryDate: '2020-13-01' }), carContext)
      .thenThrows(ValidationError, 'ASSET.INVALID_DATE', 'financeEntryDate');
  });

  it('refuses a finance entry date after today, as every business date', () => {
    given([])
      .when(registerCar({ financeEntryDate: '2099-01-01' }), carContext)
      .thenThrows(ValidationError, 'VALIDATION.FUTURE_DATE', 'financeEntryDate');
  });
});

describe('ChangeAssetDetails', () => {
  const change = (data: object) => ({ type: 'ChangeAssetDetails' as const, data: { assetId: CAR_ID, ...data } });

  it('records only the fields that change, old and new', () => {
    given([carRegistered({ brand: '红旗' })])
      .when(change({ brand: '红旗', model: ' H5 ', usage: 'pending_disposal', voucherNo: null }))
      .then([
        {
          type: 'AssetDetailsChanged',
          data: { assetId: CAR_ID, changes: { model: { from: null, to: 'H5' }, usage: { from: 'in_use', to: 'pending_disposal' } } },
        },
      ]);
  });

  it('writes nothing when nothing changes; folds what changed', () => {
    given([carRegistered({ brand: '红旗' })])
      .when(change({ brand: '红旗' }))
      .then([]);
    const state = foldAsset([
      carRegistered(),
      { type: 'AssetDetailsChanged', data: { assetId: CAR_ID, changes: { name: { from: '公务用车', to: '轿车' } } } },
    ]);
    expect(state.status === 'in_use' && state.card.name).toBe('轿车');
  });

  it('refuses an empty change, a cleared name, a disposed or missing card', () => {
    given([carRegistered()]).when(change({})).thenThrows(ValidationError, 'ASSET.NOTHING_TO_CHANGE', 'name');
    given([carRegistered()])
      .when(change({ name: null }))
      .thenThrows(ValidationError, 'ASSET.REQUIRED', 'name');
    given([carRegistered()])
      .when(change({ financeEntryDate: 'soon' }))
      .thenThrows(ValidationError, 'ASSET.INVALID_DATE', 'financeEntryDate');
    given([carRegistered()])
      .when(change({ financeEntryDate: '2099-01-01' }), { today: '2024-06-30' })
      .thenThrows(ValidationError, 'VALIDATION.FUTURE_DATE', 'financeEntryDate');
    given([carRegistered(), disposed])
      .when(change({ brand: 'x' }))
      .thenThrows(ConflictError, 'ASSET.DISPOSED');
    given([])
      .when(change({ brand: 'x' }))
      .thenThrows(NotFoundError, 'ASSET.NOT_FOUND');
  });
});
