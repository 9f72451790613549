import type { Role } from '../../src/common/auth/permissions.js';
import { api } from './http.js';
import { SEED_PURCHASES } from './seed.js';
import type { TestApp } from './test-app.js';

/** Creates an API key as the test app's bootstrap admin; returns its id and the key to send. */
export async function createApiKey(
  t: TestApp,
  roles: readonly Role[],
  departments: readonly string[] | '*',
  name = `${roles.join('+')} for ${departments === '*' ? 'all' : departments.join(',')}`,
): Promise<{ id: string; key: string }> {
  const res = await api(t).post('/api-keys').send({ name, roles, departments }).expect(201);
  return res.body as { id: string; key: string };
}

/** A project P001 in `dept`/2024 and the shredder of the 2024 disclosure planned under it; returns the purchase id. */
export async function plannedPurchaseIn(t: TestApp, dept: string): Promise<string> {
  const base = `/departments/${dept}/years/2024`;
  await api(t).put(`${base}/projects/P001`).send({ name: '日常公用经费', budget: '211600.00' }).expect(200);
  const res = await api(t).post(`${base}/purchases`).send(SEED_PURCHASES[0]).expect(201);
  return res.body.id as string;
}

/** A card registered by hand in `dept` (a filing cabinet); returns the asset id. */
export async function assetIn(t: TestApp, dept: string): Promise<string> {
  const card = { name: '文件柜', catalogCode: 'A05010502', originalValue: '1200.00', acquiredOn: '2024-02-01', source: 'transfer_in' };
  const res = await api(t).post(`/departments/${dept}/assets`).send(card).expect(201);
  return res.body.id as string;
}

/** A stocktake opened in `dept` as of the end of 2024 (over one card); returns its id. */
export async function stocktakeIn(t: TestApp, dept: string): Promise<string> {
  await assetIn(t, dept);
  const res = await api(t).post(`/departments/${dept}/stocktakes`).send({ asOf: '2024-12-31' }).expect(201);
  return res.body.id as string;
}

/** A feed consumer created by a key of `dept` (so it belongs to that department); returns its name. */
export async function consumerIn(t: TestApp, dept: string): Promise<string> {
  const { key } = await createApiKey(t, ['budget_system'], [dept]);
  const name = `consumer-${dept}-${Math.random().toString(36).slice(2, 10)}`;
  const { next } = (await api(t, key).get('/events').query({ limit: 1 }).expect(200)).body as { next: string };
  await api(t, key).put(`/consumers/${name}/checkpoint`).send({ cursor: next }).expect(200);
  return name;
}
