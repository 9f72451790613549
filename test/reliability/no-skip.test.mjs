// No skip under load: 16 clients append (plan → contract → acceptance → cards) for 60 s (10 s
// quick) while a reader follows GET /events by cursor. The reader saw every committed event
// exactly once, in the log's order.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  QUICK,
  assertExactlyOnce,
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
let env;
let result;
after(() => env?.dispose());

test(`a reader following GET /events under ${CLIENTS} writers for ${SECONDS} s sees every committed event exactly once`, async () => {
  env = await environment('noskip');
  const service = await env.start();
  await seed(env.call(service));
  const t0 = performance.now();
  const reader = feedFollower({ target: () => service.baseUrl, adminKey: env.adminKey, env });
  const load = commandLoad({ clients: CLIENTS, target: () => service.baseUrl, adminKey: env.adminKey });
  await sleep(SECONDS * 1000);
  await load.stop();
  const seen = await reader.stop();
  const counts = await assertExactlyOnce(env, load);
  result = await assertSawEveryEventOnce(env, seen);
  figures('no skip', { seconds: Number(((performance.now() - t0) / 1000).toFixed(1)), ...counts, ...result, feedPages: reader.pages });
});

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
