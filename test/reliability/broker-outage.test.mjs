// Broker outage: a nats-server of the test's own (free port, JetStream, its own store) is stopped
// for 30 s (5 s quick) while 16 clients write, then started again on the same store. The API is
// unaffected, and afterwards the stream holds every event of the log exactly once (the relay
// re-sends what it could not publish; JetStream drops repeats by Nats-Msg-Id).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { freePort } from '../../bench/lib/service.mjs';
import { QUICK, assertExactlyOnce, commandLoad, environment, figures, seed, sleep } from './support.mjs';

const NATS_SERVER = process.env.NATS_SERVER_BIN ?? '/usr/sbin/nats-server';
const OUTAGE_SECONDS = QUICK ? 5 : 30;
const CLIENTS = 16;
const STREAM = 'RELIABILITY_EVENTS';
let env;
let broker;
const store = mkdtempSync(join(tmpdir(), 'reliability-nats-'));
after(async () => {
  await broker?.stop();
  await env?.dispose();
  rmSync(store, { recursive: true, force: true });
});

async function startBroker(port) {
  const child = spawn(NATS_SERVER, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', store], { stdio: 'ignore' });
  const exited = new Promise((r) => child.once('exit', r));
  for (let i = 0; ; i++) {
    try {
      const nc = await connect({ servers: `127.0.0.1:${port}`, reconnect: false });
      await nc.close();
      break;
    } catch (error) {
      if (i > 100) throw error;
      await sleep(100);
    }
  }
  return {
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

test(`the broker down for ${OUTAGE_SECONDS} s under load: every event arrives once, the API unaffected`, async () => {
  const port = await freePort();
  broker = await startBroker(port);
  env = await environment('broker');
  const service = await env.start({
    env: { NATS_URL: `nats://127.0.0.1:${port}`, NATS_STREAM: STREAM, NATS_SUBJECT_PREFIX: 'reliability.events' },
  });
  await seed(env.call(service));
  const load = commandLoad({ clients: CLIENTS, target: () => service.baseUrl, adminKey: env.adminKey, retryStatuses: [] });
  await sleep(2000);
  await broker.stop();
  const down = performance.now();
  await sleep(OUTAGE_SECONDS * 1000);
  broker = await startBroker(port);
  const outage = (performance.now() - down) / 1000;
  await sleep(2000);
  await load.stop();
  const counts = await assertExactlyOnce(env, load);

  const events = (await env.query('SELECT event_id::text AS id FROM events ORDER BY transaction_id, global_position')).map((r) => r.id);
  const nc = await connect({ servers: `127.0.0.1:${port}` });
  try {
    const jsm = await jetstreamManager(nc);
    const t0 = performance.now();
    let messages = 0;
    while (performance.now() - t0 < 60_000) {
      messages = (await jsm.streams.info(STREAM).catch(() => null))?.state.messages ?? 0;
      if (messages >= events.length) break;
      await sleep(250);
    }
    const caughtUpSeconds = (performance.now() - t0) / 1000;
    const consumer = await jetstream(nc).consumers.get(STREAM);
    const ids = [];
    while (ids.length < messages) {
      const batch = await consumer.fetch({ max_messages: Math.min(1000, messages - ids.length), expires: 3_000 });
      let got = 0;
      for await (const m of batch) {
        assert.equal(m.headers?.get('Nats-Msg-Id'), m.json().eventId, 'Nats-Msg-Id is not the eventId');
        ids.push(m.json().eventId);
        got++;
      }
      if (got === 0) break;
    }
    assert.equal(new Set(ids).size, ids.length, `${ids.length - new Set(ids).size} events arrived twice`);
    const arrived = new Set(ids);
    const lost = events.filter((id) => !arrived.has(id));
    assert.equal(lost.length, 0, `${lost.length} events never arrived`);
    assert.equal(ids.length, events.length, 'the stream holds events the log does not');
    assert.deepEqual(ids, events, 'the events arrived in another order than the feed');
    figures('broker outage', {
      outageSeconds: Number(outage.toFixed(1)),
      ...counts,
      events: events.length,
      messages: ids.length,
      caughtUpSecondsAfterLoad: Number(caughtUpSeconds.toFixed(1)),
      statuses: Object.fromEntries(load.statuses),
    });
  } finally {
    await nc.close();
  }
});
