import { Quantity } from '../../../common/money/quantity.js';
import { decide } from '../decide.js';
import { evolve } from '../evolve.js';
import type {
  AcceptPurchase,
  AmendPurchase,
  CancelPurchase,
  CatalogEntryFacts,
  ContractPurchase,
  PlanPurchase,
  PlanPurchaseData,
  ProjectFacts,
  PurchaseChanges,
  PurchaseDecisionContext,
} from '../purchase.commands.js';
import type { PurchaseAccepted, PurchaseCancelled, PurchaseContracted, PurchaseEvent, PurchasePlanned } from '../purchase.events.js';
import { initialPurchaseState, type PurchaseState } from '../purchase.state.js';
import type { PurchaseCommand } from '../purchase.commands.js';
import { deciderSpecification } from '../../../common/testing/given-when-then.js';

/** Seed data of DESIGN §2: the 2024 budget disclosure of 秦皇岛市科学技术协会 (department 731). */
export const SHREDDER_ID = '3f1c2a9e-8b7d-4c6e-9a15-2b4d6f8e0a11';
export const PROPERTY_ID = '7a2e4c6b-1d3f-4e5a-8b9c-0d1e2f3a4b5c';
export const ACCEPTANCE_1 = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e';
export const ACCEPTANCE_2 = 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f';

export const DAILY_OPERATIONS: ProjectFacts = { code: 'P2024-001', budget: 21_160_000n }; // 2024年初预算日常公用经费项目（三保）, 21.16 万元
export const PROPERTY_MANAGEMENT: ProjectFacts = { code: 'P2024-002', budget: 15_000_000n }; // 科协物业管理费, 15.00 万元

export const SHREDDER_ENTRY: CatalogEntryFacts = { code: 'A02021301', name: '碎纸机', type: 'goods', defaultEconomicLine: '31002' };
export const PROPERTY_ENTRY: CatalogEntryFacts = {
  code: 'C21040000',
  name: '物业管理服务',
  type: 'services',
  defaultEconomicLine: '30209',
};
export const PRINTING_ENTRY: CatalogEntryFacts = {
  code: 'C23090199',
  name: '其他印刷服务',
  type: 'services',
  defaultEconomicLine: '30202',
};

export const q = (text: string): Quantity => Quantity.decode(text);

export const shredderPlan = (overrides: Partial<PlanPurchaseData> = {}): PlanPurchase => ({
  type: 'PlanPurchase',
  data: {
    purchaseId: SHREDDER_ID,
    projectCode: 'P2024-001',
    itemName: '碎纸机',
    catalogCode: 'A02021301',
    unit: '个',
    quantity: q('1'),
    unitPrice: 190_000n,
    amount: 190_000n,
    funding: { general_budget: 190_000n },
    smeReserved: 190_000n,
    ...overrides,
  },
});

export const shredderContext: PurchaseDecisionContext = { catalogEntry: SHREDDER_ENTRY, project: DAILY_OPERATIONS };

export const shredderPlanned: PurchasePlanned = {
  type: 'PurchasePlanned',
  data: {
    purchaseId: SHREDDER_ID,
    projectCode: 'P2024-001',
    itemName: '碎纸机',
    catalogCode: 'A02021301',
    catalogName: '碎纸机',
    procurementType: 'goods',
    unit: '个',
    quantity: '1',
    unitPrice: '1900.00',
    amount: '1900.00',
    funding: { general_budget: '1900.00' },
    smeReserved: '1900.00',
    economicCode: '31002',
    economicCodeExplicit: false,
  },
};

export const propertyPlan = (): PlanPurchase => ({
  type: 'PlanPurchase',
  data: {
    purchaseId: PROPERTY_ID,
    projectCode: 'P2024-002',
    itemName: '物业管理服务',
    catalogCode: 'C21040000',
    unit: '年',
    quantity: q('1'),
    unitPrice: 15_000_000n,
    amount: 15_000_000n,
    funding: { general_budget: 15_000_000n },
    smeReserved: 15_000_000n,
  },
});

export const propertyContext: PurchaseDecisionContext = { catalogEntry: PROPERTY_ENTRY, project: PROPERTY_MANAGEMENT };

export const propertyPlanned: PurchasePlanned = {
  type: 'PurchasePlanned',
  data: {
    purchaseId: PROPERTY_ID,
    projectCode: 'P2024-002',
    itemName: '物业管理服务',
    catalogCode: 'C21040000',
    catalogName: '物业管理服务',
    procurementType: 'services',
    unit: '年',
    quantity: '1',
    unitPrice: '150000.00',
    amount: '150000.00',
    funding: { general_budget: '150000.00' },
    smeReserved: '150000.00',
    economicCode: '30209',
    economicCodeExplicit: false,
  },
};

export const amend = (changes: PurchaseChanges, purchaseId = SHREDDER_ID): AmendPurchase => ({
  type: 'AmendPurchase',
  data: { purchaseId, changes },
});

export const cancel = (reason: string, purchaseId = SHREDDER_ID): CancelPurchase => ({
  type: 'CancelPurchase',
  data: { purchaseId, reason },
});

export const cancelled = (reason: string, purchaseId = SHREDDER_ID): PurchaseCancelled => ({
  type: 'PurchaseCancelled',
  data: { purchaseId, reason },
});

export const contract = (overrides: Partial<ContractPurchase['data']> = {}): ContractPurchase => ({
  type: 'ContractPurchase',
  data: {
    purchaseId: SHREDDER_ID,
    supplier: '秦皇岛市某办公设备有限公司',
    contractNo: 'QHD-KX-2024-001',
    amount: 185_000n,
    signedOn: '2024-03-15',
    ...overrides,
  },
});

export const contracted = (overrides: Partial<PurchaseContracted['data']> = {}): PurchaseContracted => ({
  type: 'PurchaseContracted',
  data: {
    purchaseId: SHREDDER_ID,
    supplier: '秦皇岛市某办公设备有限公司',
    contractNo: 'QHD-KX-2024-001',
    amount: '1850.00',
    signedOn: '2024-03-15',
    ...overrides,
  },
});

export const accept = (overrides: Partial<AcceptPurchase['data']> = {}): AcceptPurchase => ({
  type: 'AcceptPurchase',
  data: {
    purchaseId: SHREDDER_ID,
    acceptanceId: ACCEPTANCE_1,
    quantity: q('1'),
    amount: 185_000n,
    acceptedOn: '2024-04-02',
    ...overrides,
  },
});

export const accepted = (overrides: Partial<PurchaseAccepted['data']> = {}): PurchaseAccepted => ({
  type: 'PurchaseAccepted',
  data: {
    purchaseId: SHREDDER_ID,
    acceptanceId: ACCEPTANCE_1,
    quantity: '1',
    amount: '1850.00',
    acceptedOn: '2024-04-02',
    acceptedQuantityTotal: '1',
    acceptedAmountTotal: '1850.00',
    fullyAccepted: true,
    ...overrides,
  },
});

export const { given } = deciderSpecification<PurchaseState, PurchaseCommand, PurchaseEvent, PurchaseDecisionContext>({
  decide,
  evolve,
  initialState: initialPurchaseState,
});
