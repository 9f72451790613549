import { api } from './http.js';
import type { TestApp } from './test-app.js';

export const SEED_BASE = '/departments/731/years/2024';
export const DAILY = '2024年初预算日常公用经费项目（三保）';
export const PROPERTY = '科协物业管理费';

/** The 政府采购预算 table of the 2024 disclosure of 秦皇岛市科学技术协会 (department 731), in 元. */
export const SEED_PURCHASES = [
  { projectCode: 'P001', itemName: '碎纸机', catalogCode: 'A02021301', unit: '个', price: '1900.00' },
  { projectCode: 'P001', itemName: '财产保险服务', catalogCode: 'C18040102', unit: '辆', price: '1000.00' },
  { projectCode: 'P001', itemName: '其他印刷服务', catalogCode: 'C23090199', unit: '批', price: '1800.00' },
  { projectCode: 'P001', itemName: '车辆维修和保养服务', catalogCode: 'C23120301', unit: '辆', price: '5000.00' },
  { projectCode: 'P001', itemName: '车辆加油、添加燃料服务', catalogCode: 'C23120302', unit: '辆', price: '11700.00' },
  { projectCode: 'P002', itemName: '物业管理服务', catalogCode: 'C21040000', unit: '年', price: '150000.00' },
].map((row) => ({
  projectCode: row.projectCode,
  itemName: row.itemName,
  catalogCode: row.catalogCode,
  unit: row.unit,
  quantity: '1',
  unitPrice: row.price,
  amount: row.price,
  funding: { general_budget: row.price },
  smeReserved: row.price,
}));

export async function seedBudget(t: TestApp): Promise<void> {
  const put = (path: string, body: object) => api(t).put(`${SEED_BASE}/${path}`).send(body).expect(200);
  await put('projects/P001', { name: DAILY, budget: '211600.00' });
  await put('projects/P002', { name: PROPERTY, budget: '150000.00' });
  await put('budget-lines/31002', { name: '办公设备购置', amount: '1900.00', funding: { general_budget: '1900.00' } });
  await put('planned-asset-purchases', { amount: '1900.00' });
}

/** Plans the six rows; returns their ids in table order. */
export async function seedPurchases(t: TestApp): Promise<string[]> {
  const ids: string[] = [];
  for (const row of SEED_PURCHASES) {
    const res = await api(t).post(`${SEED_BASE}/purchases`).send(row).expect(201);
    ids.push(res.body.id);
  }
  return ids;
}
