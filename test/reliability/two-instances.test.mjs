// Two instances: two service processes on one PostgreSQL database under the same load, one
// killed -9 mid-way (its clients move to the other); a reader follows GET /events throughout.
// The no-skip, idempotency (exactly once) and read-model checks hold across both. Each instance
// runs WORKERS=2, so four processes share the database (and one relay lock, one LISTEN channel).
import { after, test } from 'node:test';
import {
  QUICK,
  assertExactlyOnce,
  assertReadModelsEqualRebuild,
  assertSawEveryEventOnce,
  commandLoad,
  environment,
  feedFollower,
  figures,
  seed,
  sleep,
} from './support.mjs';

const CLIENTS = 16;
const SECONDS = QUICK ? 6 : 30;
let env;
after(() => env?.dispose());

test('two instances on one database, one killed mid-way: no event skipped, none doubled, read models = rebuild', async () => {
  env = await environment('two');
  const [a, b] = [await env.start({ env: { WORKERS: '2' } }), await env.start({ env: { WORKERS: '2' } })];
  await seed(env.call(a));
  let aAlive = true;
  let n = 0;
  // Alternates the instances per request while both live, as a load balancer would.
  const target = () => (aAlive && n++ % 2 === 0 ? a.baseUrl : b.baseUrl);
  const t0 = performance.now();
  const reader = feedFollower({ target: () => b.baseUrl, adminKey: env.adminKey, env });
  const load = commandLoad({ clients: CLIENTS, target, adminKey: env.adminKey });
  await sleep((SECONDS * 1000) / 2);
  await a.kill();
  aAlive = false;
  await sleep((SECONDS * 1000) / 2);
  await load.stop();
  const seen = await reader.stop();
  const counts = await assertExactlyOnce(env, load);
  const feed = await assertSawEveryEventOnce(env, seen);
  const readModels = await assertReadModelsEqualRebuild(env, b);
  figures('two instances', {
    seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    ...counts,
    ...feed,
    feedPages: reader.pages,
    retries: load.retries,
    answeredAfterRetry: load.answeredAfterRetry,
    statuses: Object.fromEntries(load.statuses),
    readModelRows: readModels,
  });
});
