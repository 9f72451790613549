import { parseYuan } from '../../../common/money/money.js';
import type { CheckedBudgetLine, CrossCheckInput, PurchaseGroup, SuspectUnitPrice } from '../cross-check.input.js';

/** 元 → fen for readable fixtures: `fen('1900.00')`. */
export const fen = (yuan: string): bigint => parseYuan(yuan, 'fixture');

let serial = 0;

/** One live purchase, as a spec writes it; the rules see it as a group of one (`asInput`). */
export interface FixturePurchase extends Omit<PurchaseGroup, 'count' | 'purchaseIds'> {
  purchaseId: string;
  catalogCode: string;
  unitPrice: bigint;
}

/** A live purchase funded wholly from general_budget unless told otherwise. */
export function purchase(overrides: Partial<FixturePurchase> & { amount: bigint }): FixturePurchase {
  serial += 1;
  return {
    purchaseId: `p-${String(serial).padStart(3, '0')}`,
    projectCode: 'P001',
    catalogCode: 'A02021301',
    procurementType: 'goods',
    economicCode: '31002',
    capitalizable: true,
    // One item at the whole amount unless told otherwise.
    unitPrice: overrides.amount,
    funding: { general_budget: overrides.amount },
    ...overrides,
  };
}

export const line = (economicCode: string, name: string, yuan: string): CheckedBudgetLine => ({
  economicCode,
  name,
  amount: fen(yuan),
});

/** The 基本支出 302 lines of the 2024 disclosure of department 731, in 元. */
export const SEED_302_LINES: CheckedBudgetLine[] = [
  line('302', '商品和服务支出', '524700.00'),
  line('30201', '办公费', '16200.00'),
  line('30202', '印刷费', '1800.00'),
  line('30231', '公务用车运行维护费', '18100.00'),
];

/** The six rows of the disclosure's 政府采购预算, as the rules see them. */
export function seedPurchases(): FixturePurchase[] {
  const service = (purchaseId: string, catalogCode: string, economicCode: string, yuan: string, projectCode = 'P001') =>
    purchase({ purchaseId, catalogCode, economicCode, procurementType: 'services', capitalizable: false, amount: fen(yuan), projectCode });
  return [
    purchase({ purchaseId: 'shredder', amount: fen('1900.00') }),
    service('insurance', 'C18040102', '30231', '1000.00'),
    service('printing', 'C23090199', '30202', '1800.00'),
    service('repairs', 'C23120301', '30231', '5000.00'),
    service('fuel', 'C23120302', '30231', '11700.00'),
    service('property', 'C21040000', '30209', '150000.00', 'P002'),
  ];
}

/**
 * Purchases as the reader gives them at query time: each its own group with its id (the rules
 * only sum, so groups of one judge like any grouping), and the goods' unit prices.
 */
export function asInput(purchases: readonly FixturePurchase[]): Pick<CrossCheckInput, 'purchases' | 'suspectUnitPrices'> {
  return {
    purchases: purchases.map(({ purchaseId, catalogCode: _c, unitPrice: _u, ...group }): PurchaseGroup => ({
      ...group,
      count: 1,
      purchaseIds: [purchaseId],
    })),
    suspectUnitPrices: purchases
      .filter((p) => p.procurementType === 'goods')
      .map((p): SuspectUnitPrice => ({
        catalogCode: p.catalogCode,
        projectCode: p.projectCode,
        unitPrice: p.unitPrice,
        purchaseIds: [p.purchaseId],
      })),
  };
}

/** The reference budget: consistent, every rule passes. */
export function seedInput(
  overrides: Partial<Omit<CrossCheckInput, 'purchases' | 'suspectUnitPrices'>> & { purchases?: readonly FixturePurchase[] } = {},
): CrossCheckInput {
  const { purchases = seedPurchases(), ...rest } = overrides;
  return {
    lines: [...SEED_302_LINES, line('310', '资本性支出', '1900.00'), line('31002', '办公设备购置', '1900.00')],
    projects: [
      { projectCode: 'P001', name: '2024年初预算日常公用经费项目（三保）', budget: fen('211600.00') },
      { projectCode: 'P002', name: '科协物业管理费', budget: fen('150000.00') },
    ],
    plannedAssetPurchases: fen('1900.00'),
    income: { general_budget: fen('6686400.00') },
    lineNames: { '31002': '办公设备购置', '31003': '专用设备购置', '31013': '公务用车购置', '310': '资本性支出' },
    ...rest,
    ...asInput(purchases),
  };
}
