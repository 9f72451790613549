import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { EventRelay } from '../../src/event-log/index.js';
import { api } from '../support/http.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

// Several instances share a database only on PostgreSQL (PGlite is one process's, and its relay
// always leads); the relay needs a NATS server with JetStream (CI sets NATS_URL).
const NATS_URL = process.env.NATS_URL;
const runs = Boolean(NATS_URL) && onPostgres();
const suite = runs ? describe : describe.skip;
const why = runs ? '' : ' — skipped: needs DATABASE_URL (PostgreSQL) and NATS_URL';

suite(`one active relay publisher among instances${why}`, () => {
  const tag = randomBytes(4).toString('hex');
  const schema = `t_relay_${tag}`;
  const stream = `TEST_LEADER_${tag}`;
  // One deployment: the same schema, stream and admin key.
  const env = {
    BOOTSTRAP_ADMIN_KEY: `test-admin-${randomBytes(16).toString('hex')}`,
    DB_SCHEMA: schema,
    NATS_URL: NATS_URL!,
    NATS_STREAM: stream,
    NATS_SUBJECT_PREFIX: `t${tag}.events`,
  };
  let first: TestApp;
  let firstOpen = true;
  let second: TestApp | undefined;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    // One after the other: the second finds the schema migrated.
    first = await startTestApp(env);
    second = await startTestApp(env);
    nc = await connect({ servers: NATS_URL! });
    jsm = await jetstreamManager(nc);
  });
  afterAll(async () => {
    if (firstOpen) await first?.close();
    await second?.close();
    await jsm?.streams.delete(stream).catch(() => undefined);
    await nc?.close();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  const messageCount = async () => (await jsm.streams.info(stream).catch(() => null))?.state.messages ?? 0;
  async function eventually(check: () => Promise<boolean>, what: string) {
    for (let i = 0; i < 600; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }
  const relayedBy = async (t: TestApp) =>
    Number(/^events_relayed_total (\d+)$/m.exec((await api(t).get('/metrics').expect(200)).text)?.[1]);
  const state = async (t: TestApp) => (await t.app.get(EventRelay).status()).state;

  it('one instance publishes, the other stands by; every event reaches the stream once', async () => {
    await eventually(async () => [await state(first), await state(second!)].sort().join() === 'standby,up', 'one up, one standby');
    expect(await state(first)).toBe('up');
    await api(first).put('/departments/731/years/2024/projects/P1').send({ name: 'P1', budget: '10.00' }).expect(200);
    await api(second!).put('/departments/731/years/2024/projects/P2').send({ name: 'P2', budget: '10.00' }).expect(200);
    // (Counted once the checkpoint moved, just after the broker's acknowledgement.)
    await eventually(async () => (await messageCount()) === 2 && (await relayedBy(first)) === 2, '2 messages relayed');
    // Only the publisher sent anything: the standby published no event, not even a repeat.
    expect(await relayedBy(second!)).toBe(0);
    expect(await state(second!)).toBe('standby');
  });

  it('when the publisher stops, the standby takes over and publishes what follows', async () => {
    firstOpen = false;
    await first.close();
    await api(second!).put('/departments/731/years/2024/projects/P3').send({ name: 'P3', budget: '10.00' }).expect(200);
    await eventually(async () => (await state(second!)) === 'up' && (await messageCount()) === 3, 'the standby publishing');
  });
});
