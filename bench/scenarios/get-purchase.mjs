// GET /purchases/:id over HTTP, 32 clients, over purchases planned beforehand.
import { PLAN, seedDepartments, yearPath } from '../lib/fixtures.mjs';
import { load } from '../lib/load.mjs';
import { strictClient } from '../lib/service.mjs';
import { CLIENTS } from './plan-purchase.mjs';

export const meta = {
  databases: ['postgres'],
  targets: { 'getPurchaseHttp.requestsPerSec': { text: '—' }, 'getPurchaseHttp.p99Ms': { text: '—' } },
};

export default async function getPurchaseHttp({ baseUrl, adminKey, seconds }) {
  const call = strictClient(baseUrl, adminKey);
  await seedDepartments(call, 1);
  const ids = [];
  for (let i = 0; i < 200; i++) ids.push((await call('POST', `${yearPath('800')}/purchases`, PLAN)).id);
  let n = 0;
  const figures = await load({
    baseUrl,
    adminKey,
    connections: CLIENTS,
    seconds,
    expectStatus: [200],
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/purchases/${ids[n++ % ids.length]}` }) }],
  });
  return { getPurchaseHttp: { requestsPerSec: figures.perSecond, p99Ms: figures.p99Ms } };
}
