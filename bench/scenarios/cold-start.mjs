// PGlite: from spawning the process on an empty data folder to the seed budget entered and its
// cross-checks read back, and the resident memory then (issue #15 §5: ≤ 10 s, ≤ 400 MB).
// Runs first on PGlite, so the service it is given has just started cold.
import { strictClient } from '../lib/service.mjs';

const BASE = '/departments/731/years/2024';
const SEED = [
  ['P001', '碎纸机', 'A02021301', '个', '1900.00'],
  ['P001', '财产保险服务', 'C18040102', '辆', '1000.00'],
  ['P001', '其他印刷服务', 'C23090199', '批', '1800.00'],
  ['P001', '车辆维修和保养服务', 'C23120301', '辆', '5000.00'],
  ['P001', '车辆加油、添加燃料服务', 'C23120302', '辆', '11700.00'],
  ['P002', '物业管理服务', 'C21040000', '年', '150000.00'],
];

export const meta = {
  databases: ['pglite'],
  targets: { coldStartToSeedCheckedSeconds: { text: '≤ 10 s', max: 10 }, rssMb: { text: '≤ 400 MB', max: 400 } },
};

export default async function coldStart({ baseUrl, adminKey, service }) {
  const call = strictClient(baseUrl, adminKey);
  const t0 = performance.now();
  await call('PUT', `${BASE}/projects/P001`, { name: '2024年初预算日常公用经费项目（三保）', budget: '211600.00' });
  await call('PUT', `${BASE}/projects/P002`, { name: '科协物业管理费', budget: '150000.00' });
  await call('PUT', `${BASE}/budget-lines/31002`, { name: '办公设备购置', amount: '1900.00', funding: { general_budget: '1900.00' } });
  await call('PUT', `${BASE}/planned-asset-purchases`, { amount: '1900.00' });
  for (const [projectCode, itemName, catalogCode, unit, price] of SEED) {
    const funding = { general_budget: price };
    await call('POST', `${BASE}/purchases`, {
      projectCode,
      itemName,
      catalogCode,
      unit,
      quantity: '1',
      unitPrice: price,
      amount: price,
      funding,
    });
  }
  const checks = await call('GET', `${BASE}/cross-checks`);
  const summary = await call('GET', `${BASE}/procurement-summary`);
  if (!checks.status || !summary) throw new Error('the seed was not checked');
  const seconds = (service.startedInMs + performance.now() - t0) / 1000;
  return { coldStartToSeedCheckedSeconds: Number(seconds.toFixed(2)), rssMb: service.rssMb() };
}
