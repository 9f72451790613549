import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { EventRelay } from '../../src/event-log/application/event-relay.js';
import { api } from '../support/http.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

// Needs a NATS server with JetStream: CI sets NATS_URL; without it this suite is skipped.
const NATS_URL = process.env.NATS_URL;
const suite = NATS_URL ? describe : describe.skip;

suite(`relay to NATS JetStream (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  const tag = randomBytes(4).toString('hex');
  const stream = `TEST_${tag}`;
  let t: TestApp;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    t = await startTestApp({ NATS_URL: NATS_URL!, NATS_STREAM: stream, NATS_SUBJECT_PREFIX: `t${tag}.events` });
    nc = await connect({ servers: NATS_URL! });
    jsm = await jetstreamManager(nc);
  });
  afterAll(async () => {
    await t.close();
    await jsm.streams.delete(stream).catch(() => undefined);
    await nc.close();
  });

  const messageCount = async () => (await jsm.streams.info(stream).catch(() => null))?.state.messages ?? 0;
  async function eventually(check: () => Promise<boolean>, what: string) {
    for (let i = 0; i < 300; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }
  async function streamEventIds(count: number): Promise<Array<{ eventId: string; subject: string; msgId?: string }>> {
    const consumer = await jetstream(nc).consumers.get(stream);
    const batch = await consumer.fetch({ max_messages: count, expires: 3_000 });
    const seen = [];
    for await (const m of batch) {
      seen.push({ eventId: m.json<{ eventId: string }>().eventId, subject: m.subject, msgId: m.headers?.get('Nats-Msg-Id') });
      if (seen.length === count) break;
    }
    return seen;
  }

  it('publishes every event once, in feed order, with Nats-Msg-Id = eventId and subject prefix.department.type', async () => {
    for (const code of ['P1', 'P2', 'P3']) {
      await api(t).put(`/departments/731/years/2024/projects/${code}`).send({ name: code, budget: '10.00' }).expect(200);
    }
    await api(t).put(`/departments/732/years/2024/projects/Q1`).send({ name: 'Q1', budget: '10.00' }).expect(200);
    let feed: Array<{ eventId: string }> = [];
    // The feed serves a commit once older transactions anywhere in the cluster have ended.
    await eventually(async () => (feed = (await api(t).get('/events').expect(200)).body.events).length === 4, 'the feed');
    await eventually(async () => (await messageCount()) === feed.length, `${feed.length} messages`);
    const published = await streamEventIds(feed.length);
    expect(published.map((m) => m.eventId)).toEqual(feed.map((e) => e.eventId));
    expect(published.every((m) => m.msgId === m.eventId)).toBe(true);
    expect(published[0].subject).toBe(`t${tag}.events.731.ProjectRegistered`);
    expect(published[3].subject).toBe(`t${tag}.events.732.ProjectRegistered`);
  });

  it('a relay that lost its checkpoint after publishing re-sends, and JetStream drops the repeats', async () => {
    const before = await messageCount();
    const relayed = async () =>
      Number((await t.dataSource.query(`SELECT relayed::text AS n FROM relay_checkpoints WHERE name = $1`, [stream]))[0].n);
    const relayedBefore = await relayed();
    // As if the relay crashed after the acks but before moving its checkpoint.
    await t.dataSource.query(`UPDATE relay_checkpoints SET transaction_id = '0', position = 0 WHERE name = $1`, [stream]);
    const relay = t.app.get(EventRelay);
    while ((await relay.relayOnce()) !== 0);
    // Whichever loop re-sent the batch (this call or the background one), it was re-sent once whole.
    expect((await relayed()) - relayedBefore).toBe(before);
    expect(await messageCount()).toBe(before);
    await api(t).put(`/departments/731/years/2024/projects/P4`).send({ name: 'P4', budget: '10.00' }).expect(200);
    await eventually(async () => (await messageCount()) === before + 1, 'the next event');
  });
});
