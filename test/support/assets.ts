import { api } from './http.js';
import type { TestApp } from './test-app.js';

/** 部门固定资产占用情况表 of the reference disclosure (department 731) as of 2023-12-31, in 元. */
export const OPENING_731 = [
  { category: '房屋建筑物及构筑物', count: 4, value: '300000.00' },
  { category: '通用设备（除车辆）', count: 101, value: '591200.00' },
  { category: '车辆', count: 1, value: '213600.00' },
  { category: '家具用具', count: 346, value: '195200.00' },
];

export async function declareOpeningHoldings(t: TestApp, dept = '731', date = '2023-12-31', categories: object[] = OPENING_731) {
  return api(t).put(`/departments/${dept}/opening-holdings/${date}`).send({ categories }).expect(200);
}

export type PurchaseRow = {
  projectCode?: string;
  itemName: string;
  catalogCode: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  funding?: Record<string, string>;
};

/** Plans a purchase of department-year `base` (`/departments/731/years/2024`); amount = quantity × unit price. */
export async function planPurchase(t: TestApp, base: string, row: PurchaseRow): Promise<string> {
  // Whole quantities and unit prices written with 2 decimals, so the product is exact in fen.
  const fen = (BigInt(row.quantity) * BigInt(row.unitPrice.replace('.', ''))).toString().padStart(3, '0');
  const amount = `${fen.slice(0, -2)}.${fen.slice(-2)}`;
  const body = { projectCode: 'P001', smeReserved: '0', funding: { general_budget: amount }, ...row, amount };
  const res = await api(t).post(`${base}/purchases`).send(body).expect(201);
  return res.body.id;
}

export async function contract(t: TestApp, purchaseId: string, amount: string, signedOn = '2024-03-15') {
  return api(t)
    .post(`/purchases/${purchaseId}/contract`)
    .send({ supplier: '秦皇岛市某办公设备有限公司', contractNo: `HT-${purchaseId.slice(0, 8)}`, amount, signedOn })
    .expect(200);
}

export function accept(t: TestApp, purchaseId: string, quantity: string, amount: string, acceptedOn = '2024-04-02') {
  return api(t).post(`/purchases/${purchaseId}/acceptances`).send({ quantity, amount, acceptedOn });
}

/** The department's cards, all pages' worth for a test. */
export async function cardsOf(t: TestApp, dept: string, query: Record<string, string> = {}) {
  const res = await api(t)
    .get(`/departments/${dept}/assets`)
    .query({ limit: 500, ...query })
    .expect(200);
  return res.body.items as Array<
    Record<string, unknown> & { id: string; purchaseId: string | null; originalValue: string; category: string }
  >;
}

type Row = { category: string; count: number; value: string; disposed: { count: number }; [key: string]: unknown };

export function holdingsRow(body: { categories: Row[] }, category: string): Row {
  const row = body.categories.find((c) => c.category === category);
  if (!row) throw new Error(`no row for ${category}`);
  return row;
}
