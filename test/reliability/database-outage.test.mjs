// Database outage: under load, the service's PostgreSQL connections are killed
// (pg_terminate_backend) again and again for a while. While it lasts commands fail with 503 and a
// clear code (never 500), nothing is half-written, and the service recovers by itself: clients
// retry with the same Idempotency-Keys and every command ends up applied exactly once.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { QUICK, assertExactlyOnce, assertReadModelsEqualRebuild, commandLoad, environment, figures, seed, sleep } from './support.mjs';

const CLIENTS = 16;
const OUTAGE_SECONDS = QUICK ? 4 : 20;
let env;
after(() => env?.dispose());

test(`connections killed for ${OUTAGE_SECONDS} s under load: 503 DATABASE.UNAVAILABLE, nothing half-written, recovery`, async () => {
  env = await environment('dbout');
  const service = await env.start();
  await seed(env.call(service));
  const load = commandLoad({ clients: CLIENTS, target: () => service.baseUrl, adminKey: env.adminKey });
  const answers = load.statuses;
  await sleep(2000);
  const t0 = performance.now();
  let terminated = 0;
  while (performance.now() - t0 < OUTAGE_SECONDS * 1000) {
    const rows = await env.query(
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = 'procurement-asset-register'`,
    );
    terminated += rows.filter((r) => r.killed).length;
    await sleep(50);
  }
  await sleep(1000);
  await load.stop();
  const statuses = Object.fromEntries(answers);
  assert.equal(statuses[500] ?? 0, 0, 'a 500 while the database was being cut off');
  assert.ok(terminated > 0, 'no connection of the service was terminated');
  const retried = Object.fromEntries(load.retriedCodes);
  assert.ok((statuses[503] ?? 0) > 0, 'no command saw the outage');
  assert.deepEqual(Object.keys(retried), ['503 DATABASE.UNAVAILABLE'], 'an outage answer other than 503 DATABASE.UNAVAILABLE');
  const health = await env.call(service)('GET', '/health');
  assert.equal(health.status, 200, 'the service did not recover by itself');
  const counts = await assertExactlyOnce(env, load);
  const readModels = await assertReadModelsEqualRebuild(env, service);
  figures('database outage', {
    outageSeconds: OUTAGE_SECONDS,
    connectionsTerminated: terminated,
    ...counts,
    retries: load.retries,
    answeredAfterRetry: load.answeredAfterRetry,
    statuses,
    retriedAnswers: retried,
    readModelRows: readModels,
  });
});
