// plan-purchase over HTTP, 32 clients spread over 10 department-years (issue #15's main figure).
import { departmentOf, PLAN_JSON, seedDepartments, yearPath } from '../lib/fixtures.mjs';
import { load } from '../lib/load.mjs';
import { strictClient } from '../lib/service.mjs';

export const CLIENTS = 32;
export const DEPARTMENTS = 10;

export const meta = {
  databases: ['postgres', 'pglite'],
  targets: {
    'planPurchaseHttp.commandsPerSec': { text: '≥ 0.25 × raw (ratioToRaw)' },
    'planPurchaseHttp.p99Ms': { text: '≤ 50 ms', max: 50 },
    'planPurchaseHttp.errors': { text: '0', max: 0 },
  },
};

export default async function planPurchaseHttp({ baseUrl, adminKey, seconds }) {
  await seedDepartments(strictClient(baseUrl, adminKey), DEPARTMENTS);
  let n = 0;
  const figures = await load({
    baseUrl,
    adminKey,
    connections: CLIENTS,
    seconds,
    requests: [
      {
        method: 'POST',
        body: PLAN_JSON,
        setupRequest: (req) => ({ ...req, path: `${yearPath(departmentOf(n++, DEPARTMENTS))}/purchases` }),
      },
    ],
  });
  return {
    planPurchaseHttp: {
      clients: CLIENTS,
      commandsPerSec: figures.perSecond,
      p50Ms: figures.p50Ms,
      p99Ms: figures.p99Ms,
      errors: figures.errors,
    },
  };
}
