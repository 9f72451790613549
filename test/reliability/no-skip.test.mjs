// No skip under load: 16 clients append (plan → contract → acceptance → cards) for 60 s (10 s
// quick) while a reader follows GET /events by cursor. The reader saw every committed event
// exactly once, in the log's order. Once with one service process, once with WORKERS=2 (two
// processes behind one port, each connection served by either).
import assert from 'node:assert/strict';
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
const SECONDS = QUICK ? 10 : 60;
const envs = [];
let result;
after(async () => {
  for (const env of envs) await env.dispose();
});

for (const workers of [1, 2]) {
  test(`a reader following GET /events under ${CLIENTS} writers for ${SECONDS} s sees every committed event exactly once (WORKERS=${workers})`, async () => {
    const env = await environment(`noskip${workers}`);
    envs.push(env);
    const service = await env.start({ env: { WORKERS: String(workers) } });
    await seed(env.call(service));
    const t0 = performance.now();
    const reader = feedFollower({ target: () => service.baseUrl, adminKey: env.adminKey, env });
    const load = commandLoad({ clients: CLIENTS, target: () => service.baseUrl, adminKey: env.adminKey });
    await sleep(SECONDS * 1000);
    await load.stop();
    const seen = await reader.stop();
    const counts = await assertExactlyOnce(env, load);
    const seenOnce = await assertSawEveryEventOnce(env, seen);
    if (workers === 1) result = seenOnce;
    const readModels = workers === 1 ? {} : { readModelRows: await assertReadModelsEqualRebuild(env, service) };
    figures(`no skip, WORKERS=${workers}`, {
      seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
      ...counts,
      ...seenOnce,
      feedPages: reader.pages,
      ...readModels,
    });
  });
}

// The feed orders by writing transaction (for no-skip), and PostgreSQL numbers a transaction at
// its first write, before it takes the department-year's cross-check stream, so two plans can
// commit that stream's versions n+1, n in the opposite order of their transaction ids: a consumer
// folding CrossCheckChanged (added/resolved) would see version n+1 before n. Reported, not yet
// fixed (event-log feed order, issues #14/#15); the check is kept here so it shows until it is.
test('each stream is served in version order', { todo: 'the feed serves a stream out of version order under concurrent writers' }, () => {
  assert.equal(
    result?.streamOrderInversions,
    0,
    `${result?.streamOrderInversions} events served before an earlier version of their stream`,
  );
});
