// Crash: kill -9 the service at random moments under 16 clients sending commands with
// Idempotency-Keys, restart it; clients retry what got no answer with the same key. Afterwards
// every acknowledged command's events exist exactly once and the read models equal a rebuild.
import { after, test } from 'node:test';
import { QUICK, assertExactlyOnce, assertReadModelsEqualRebuild, commandLoad, environment, figures, seed, sleep } from './support.mjs';

const KILLS = QUICK ? 2 : 5;
const CLIENTS = 16;
let env;
after(() => env?.dispose());

test(`kill -9 the service ${KILLS} times under ${CLIENTS} clients: nothing lost, nothing doubled`, async () => {
  env = await environment('crash');
  let service = await env.start();
  const port = service.port;
  await seed(env.call(service));
  const t0 = performance.now();
  const load = commandLoad({ clients: CLIENTS, target: () => service.baseUrl, adminKey: env.adminKey });
  const downtimes = [];
  for (let k = 0; k < KILLS; k++) {
    await sleep(1500 + Math.random() * (QUICK ? 2000 : 5000));
    await service.kill();
    const down = performance.now();
    service = await env.start({ port });
    downtimes.push(Math.round(performance.now() - down));
  }
  await sleep(1000);
  await load.stop();
  const counts = await assertExactlyOnce(env, load);
  const readModels = await assertReadModelsEqualRebuild(env, service);
  figures('crash', {
    kills: KILLS,
    seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    restartMs: downtimes,
    ...counts,
    retries: load.retries,
    answeredAfterRetry: load.answeredAfterRetry,
    statuses: Object.fromEntries(load.statuses),
    readModelRows: readModels,
  });
});
