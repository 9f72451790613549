// The same load, all on one (fresh) department-year: what serializes per department-year shows here.
import { PLAN_JSON, seedDepartments, yearPath } from '../lib/fixtures.mjs';
import { load } from '../lib/load.mjs';
import { strictClient } from '../lib/service.mjs';
import { CLIENTS } from './plan-purchase.mjs';

const DEPARTMENT_INDEX = 99; // department 899, planned by no other scenario

export const meta = {
  databases: ['postgres'],
  targets: {
    'planPurchaseOneDepartment.commandsPerSec': { text: '≥ 0.8 × planPurchaseHttp' },
    'planPurchaseOneDepartment.p99Ms': { text: '—' },
  },
};

export default async function planPurchaseOneDepartment({ baseUrl, adminKey, seconds }) {
  await seedDepartments(strictClient(baseUrl, adminKey), 1, DEPARTMENT_INDEX);
  const figures = await load({
    baseUrl,
    adminKey,
    connections: CLIENTS,
    seconds,
    requests: [{ method: 'POST', path: `${yearPath(String(800 + DEPARTMENT_INDEX))}/purchases`, body: PLAN_JSON }],
  });
  return { planPurchaseOneDepartment: { clients: CLIENTS, commandsPerSec: figures.perSecond, p99Ms: figures.p99Ms } };
}
