import { Quantity } from '../../../common/money/quantity.js';
import { deciderSpecification } from '../../../common/testing/given-when-then.js';
import type { AssetCatalogFacts, AssetCommand, AssetDecisionContext, RegisterAssetData } from '../asset.commands.js';
import type { AssetEvent, AssetRegistered } from '../asset.events.js';
import { initialAssetState, type AssetState } from '../asset.state.js';
import { decideAsset } from '../decide-asset.js';
import { evolveAsset } from '../evolve-asset.js';

export const CAR_ID = '5d6e7f80-9a1b-4c2d-8e3f-405162738495';
export const TODAY = '2024-12-31';

export const CAR_ENTRY: AssetCatalogFacts = { code: 'A02030501', name: '轿车', type: 'goods', category: '车辆', batch: false };
export const CABINET_ENTRY: AssetCatalogFacts = { code: 'A05010502', name: '文件柜', type: 'goods', category: '家具用具', batch: true };

export const registerCar = (overrides: Partial<RegisterAssetData> = {}): AssetCommand => ({
  type: 'RegisterAsset',
  data: {
    assetId: CAR_ID,
    name: '公务用车',
    catalogCode: 'A02030501',
    quantity: Quantity.fromInteger(1),
    originalValue: 21_360_000n,
    acquiredOn: '2020-06-30',
    source: 'opening',
    ...overrides,
  },
});

export const CAR_NO = '731-2020-000001';
export const carContext: AssetDecisionContext = { catalog: CAR_ENTRY, today: TODAY, assetNo: { generated: CAR_NO, taken: false } };

export const carRegistered = (overrides: Partial<AssetRegistered['data']> = {}): AssetRegistered => ({
  type: 'AssetRegistered',
  data: {
    assetId: CAR_ID,
    name: '公务用车',
    catalogCode: 'A02030501',
    catalogName: '轿车',
    category: '车辆',
    categoryCode: 'vehicles',
    quantity: '1',
    unit: null,
    originalValue: '213600.00',
    unitValue: '213600.00',
    acquiredOn: '2020-06-30',
    source: 'opening',
    location: null,
    custodian: null,
    funding: {},
    economicCode: null,
    purchaseId: null,
    acceptanceId: null,
    acceptanceSequence: null,
    assetNo: CAR_NO,
    brand: null,
    model: null,
    usingDepartment: null,
    financeEntryDate: null,
    voucherNo: null,
    usage: 'in_use',
    usefulLifeMonths: null,
    ...overrides,
  },
});

export const { given } = deciderSpecification<AssetState, AssetCommand, AssetEvent, AssetDecisionContext>({
  decide: decideAsset,
  evolve: evolveAsset,
  initialState: initialAssetState,
});
