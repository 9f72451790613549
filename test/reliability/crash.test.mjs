// Crash: kill -9 at random moments under 16 clients sending commands with Idempotency-Keys; the
// clients retry what got no answer with the same key. The service runs with WORKERS=2: the kills
// alternate between one worker (the primary starts another; the other worker serves meanwhile)
// and the primary itself (its workers exit with it; the test restarts the service). Afterwards
// every acknowledged command's events exist exactly once and the read models equal a rebuild.
import { after, test } from 'node:test';
import { QUICK, assertExactlyOnce, assertReadModelsEqualRebuild, commandLoad, environment, figures, seed, sleep } from './support.mjs';

const KILLS = QUICK ? 2 : 6;
const CLIENTS = 16;
const WORKERS = { WORKERS: '2' };
let env;
after(() => env?.dispose());

test(`kill -9 a worker or the whole service (WORKERS=2) ${KILLS} times under ${CLIENTS} clients: nothing lost, nothing doubled`, async () => {
  env = await environment('crash');
  let service = await env.start({ env: WORKERS });
  const port = service.port;
  await seed(env.call(service));
  const t0 = performance.now();
  const load = commandLoad({ clients: CLIENTS, target: () => service.baseUrl, adminKey: env.adminKey });
  const downtimes = [];
  const workerKills = [];
  for (let k = 0; k < KILLS; k++) {
    await sleep(1500 + Math.random() * (QUICK ? 2000 : 5000));
    if (k % 2 === 0) {
      const [pid] = service.workerPids();
      if (pid !== undefined) {
        process.kill(pid, 'SIGKILL');
        workerKills.push(pid);
        continue;
      }
    }
    await service.kill();
    const down = performance.now();
    service = await env.start({ port, env: WORKERS });
    downtimes.push(Math.round(performance.now() - down));
  }
  await sleep(1000);
  await load.stop();
  const counts = await assertExactlyOnce(env, load);
  const readModels = await assertReadModelsEqualRebuild(env, service);
  figures('crash', {
    kills: KILLS,
    workerKills: workerKills.length,
    seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    restartMs: downtimes,
    ...counts,
    retries: load.retries,
    answeredAfterRetry: load.answeredAfterRetry,
    statuses: Object.fromEntries(load.statuses),
    readModelRows: readModels,
  });
});
