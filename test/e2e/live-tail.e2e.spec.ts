import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { TransactionRunner } from '../../src/database/transaction-runner.js';
import { EventStore } from '../../src/event-log/infrastructure/event-store.js';
import { LiveFeed } from '../../src/event-log/application/live-feed.js';
import { AppendSignal } from '../../src/event-log/infrastructure/append-signal.js';
import { createApiKey } from '../support/access.js';
import { durableDatabase } from '../support/durable-app.js';
import { testContext } from '../support/context.js';
import { api } from '../support/http.js';
import { readSse, type SseMessage } from '../support/sse.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

interface Event {
  eventId: string;
  type: string;
  department: string;
  budgetYear: number | null;
}

const events = (messages: SseMessage[]) => messages.filter((m) => m.event === 'event').map((m) => m.data as Event);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `ready` holds (the subscribers have joined the tail), at most 30 s. */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !ready(); i++) await sleep(50);
  if (!ready()) throw new Error('condition not reached');
}

/**
 * Counts the `event` messages of an SSE stream in a child process until `count`. The child reports
 * its count on stdout as it goes (`progress` sees each report), so a writer can keep in step with
 * it; `done` resolves with the count it reached.
 */
function readInChild(url: string, token: string, count: number, progress: (n: number) => void): { done: Promise<number> } {
  const script = `
    const res = await fetch(process.env.URL, { headers: { authorization: 'Bearer ' + process.env.TOKEN, accept: 'text/event-stream' } });
    let n = 0, told = 0, tail = '';
    const hits = (text) => text.split('event: event').length - 1;
    for await (const chunk of res.body) {
      const text = tail + Buffer.from(chunk).toString('utf8');
      // What lay wholly in the kept tail was counted last time.
      n += hits(text) - hits(tail);
      tail = text.slice(-16);
      if (n - told >= 20 || n >= Number(process.env.COUNT)) { process.stdout.write(n + '\\n'); told = n; }
      if (n >= Number(process.env.COUNT)) break;
    }
    process.exit(0);`;
  let last = 0;
  const done = new Promise<number>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', script],
      { env: { ...process.env, URL: url, TOKEN: token, COUNT: String(count) }, timeout: 120_000 },
      (error) => (error ? reject(error) : resolve(last)),
    );
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (buffered + chunk.toString('utf8')).split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines.filter(Boolean)) progress((last = Number(line)));
    });
    child.stdin?.end();
  });
  return { done };
}

describe(`one live tail per process (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let url: string;
  let live: LiveFeed;
  const DEPTS = ['731', '732', '733'];
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT: '100000' });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/events/stream`;
    live = t.app.get(LiveFeed);
    for (const d of DEPTS) keys[d] = (await createApiKey(t, ['budget_system'], [d])).key;
  });
  afterAll(() => t.close());

  it('50 subscribers with different filters each get exactly their events in order, from one read per wake-up', async () => {
    const head = (await api(t).get('/events').query({ limit: 1 }).expect(200)).body.head as string;
    // Subscribers: by department key, by type, by year, by stream prefix, and admin (everything).
    const filters = Array.from({ length: 50 }, (_, i) => {
      const dept = DEPTS[i % 3];
      const kind = i % 5;
      const query: Record<string, string> =
        kind === 0
          ? {}
          : kind === 1
            ? { types: 'ProjectRegistered' }
            : kind === 2
              ? { budgetYear: '2025' }
              : kind === 3
                ? { types: 'BudgetLineSet,ProjectRevised' }
                : { streamPrefix: 'budget-' };
      return { token: i < 45 ? keys[dept] : t.adminToken, dept: i < 45 ? dept : '*', query };
    });
    type Filter = (typeof filters)[number];
    const matches = (f: Filter, e: Pick<Event, 'type' | 'department' | 'budgetYear'>) =>
      (f.dept === '*' || e.department === f.dept) &&
      (!f.query.types || f.query.types.split(',').includes(e.type)) &&
      (!f.query.budgetYear || e.budgetYear === Number(f.query.budgetYear));
    // Writes: three departments, two years, two types; `planned` is the event each one appends.
    const writes: Array<() => Promise<unknown>> = [];
    const planned: Array<Pick<Event, 'type' | 'department' | 'budgetYear'>> = [];
    for (let n = 0; n < 4; n++) {
      for (const d of DEPTS) {
        const year = n % 2 ? 2025 : 2024;
        planned.push({ type: 'ProjectRegistered', department: d, budgetYear: year });
        planned.push({ type: 'ProjectRevised', department: d, budgetYear: year });
        writes.push(() =>
          api(t)
            .put(`/departments/${d}/years/${year}/projects/P${n}`)
            .send({ name: `项目${n}`, budget: '1000.00' })
            .expect(200),
        );
        writes.push(() =>
          api(t)
            .put(`/departments/${d}/years/${year}/projects/P${n}`)
            .send({ name: `项目${n}改`, budget: '1000.00' })
            .expect(200),
        );
      }
    }
    const expectedCount = writes.length; // one event per write
    const joinedBefore = live.tailReads;
    // Each stream ends once it has as many events as it should get; the check below says whether they are the right ones.
    const streams = filters.map((f) => {
      const due = planned.filter((e) => matches(f, e)).length;
      return readSse(
        `${url}?${new URLSearchParams({ after: head, ...f.query })}`,
        { Authorization: `Bearer ${f.token}` },
        (m) => events(m).length >= due,
        120_000,
      );
    });
    await until(() => live.subscribers.open === 50 && live.subscribers.joined === 50);
    const readsBefore = live.tailReads;
    for (const write of writes) await write();
    const results = await Promise.all(streams);
    const readsDuring = live.tailReads - readsBefore;

    const all = (await api(t).get('/events').query({ after: head, limit: 1000 }).expect(200)).body.events as Event[];
    expect(all).toHaveLength(expectedCount);
    filters.forEach((f, i) => {
      const wanted = all.filter((e) => matches(f, e));
      expect({ i, got: events(results[i].messages).map((e) => e.eventId) }).toEqual({ i, got: wanted.map((e) => e.eventId) });
    });
    // One tail read per wake-up for all 50 subscribers: at most one per write plus idle polls, never one per subscriber.
    expect(readsDuring).toBeGreaterThan(0);
    expect(readsDuring).toBeLessThanOrEqual(expectedCount + 10);
    expect(joinedBefore).toBeLessThanOrEqual(readsBefore);
  }, 180_000);

  it('drops a subscriber that stops reading, without affecting the others', async () => {
    const head = (await api(t).get('/events').query({ limit: 1 }).expect(200)).body.head as string;
    // A client that connects and never reads: the socket buffers fill, then Nest's queue for it.
    const slow = http.get(`${url}?after=${head}`, { headers: { Authorization: `Bearer ${t.adminToken}` } }, (res) => res.pause());
    slow.on('error', () => undefined);
    try {
      await dropsTheSlowOne(head);
    } finally {
      slow.destroy();
    }
  }, 180_000);

  /** With the non-reading client open: a reader gets every event, and the other one is dropped. */
  async function dropsTheSlowOne(head: string): Promise<void> {
    await until(() => live.subscribers.joined === 1);
    const COUNT = 1200;
    // The reading client in a process of its own, as a real one is (this one also runs the server).
    let read = 0;
    const fast = readInChild(`${url}?after=${head}`, t.adminToken, COUNT, (n) => (read = n));
    await until(() => live.subscribers.joined === 2);
    // 1200 events of 20 KB each: about 24 MB, past the 4 M characters a subscriber may leave unread
    // and all that the sockets' buffers hold; in small commits, as a real log grows, so that no single
    // wake-up is a burst that big. The writer keeps within 60 events (1.2 MB) of what the reader has
    // read, so the reader is never the one behind however loaded the machine is; the one that never
    // reads falls behind by everything.
    const store = t.app.get(EventStore);
    const filler = 'x'.repeat(20 * 1024);
    for (let batch = 0; batch < COUNT / 5; batch++) {
      const written = batch * 5;
      if (written - read > 60) await until(() => written - read <= 20 || read >= COUNT);
      await t.app.get(TransactionRunner).run(testContext(), (tx) =>
        store.append(
          tx,
          `filler-${batch}`,
          { department: '731', budgetYear: 2024 },
          Array.from({ length: 5 }, (_, n) => ({ type: 'FillerNoted', data: { n, filler } })),
          'no_stream',
        ),
      );
    }
    expect(await fast.done).toBe(COUNT);
    // The reader has gone; the one that never read was dropped (a paused socket never sees the hang-up itself).
    await until(() => live.subscribers.open === 0);
    expect(live.subscribers.open).toBe(0);
  }
});

// Only PostgreSQL can lose its connections under a running service (PGlite is in the process).
(onPostgres() ? describe : describe.skip)('the live tail through a database outage (PostgreSQL)', () => {
  it("keeps the subscribers' streams open while its reads fail, and delivers what is written after", async () => {
    const t = await startTestApp({ RATE_LIMIT: '100000' });
    const killer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await killer.connect();
    try {
      await t.app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/events/stream`;
      const live = t.app.get(LiveFeed);
      const head = (await api(t).get('/events').query({ limit: 1 }).expect(200)).body.head as string;
      const stream = readSse(`${url}?after=${head}`, { Authorization: `Bearer ${t.adminToken}` }, (m) => events(m).length >= 1, 60_000);
      await until(() => live.subscribers.open === 1 && live.subscribers.joined === 1);
      // Every connection of the service (pool and LISTEN), cut again and again for 3 s: the tail's
      // idle reads (one a second) fall into the outage.
      const errorsBefore = live.tailReadErrors;
      let killed = 0;
      for (const started = Date.now(); Date.now() - started < 3_000 || live.tailReadErrors === errorsBefore;) {
        const { rows } = await killer.query<{ killed: boolean }>(
          `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
           WHERE datname = current_database() AND application_name LIKE 'procurement-asset-register%'`,
        );
        killed += rows.filter((r) => r.killed).length;
        expect(live.subscribers.open).toBe(1);
        if (Date.now() - started > 30_000) throw new Error('the tail never read during the outage');
        await sleep(20);
      }
      expect(killed).toBeGreaterThan(0);
      expect(live.tailReadErrors).toBeGreaterThan(errorsBefore);
      expect(live.subscribers.open).toBe(1);
      // The outage is over: a write (retried, as a client does, while a killed connection may still
      // answer 503) reaches the stream that stayed open.
      let status = 0;
      for (let i = 0; i < 20 && status !== 200; i++) {
        status = (await api(t).put('/departments/731/years/2024/projects/OUT1').send({ name: '断线之后', budget: '1.00' })).status;
        if (status === 503) await sleep(100);
      }
      expect(status).toBe(200);
      const { messages } = await stream;
      expect(events(messages)).toMatchObject([{ type: 'ProjectRegistered', department: '731' }]);
    } finally {
      await killer.end();
      await t.close();
    }
  }, 120_000);
});

// Two instances on one database: only PostgreSQL can share one between processes (PGlite is embedded).
(onPostgres() ? describe : describe.skip)('a second instance on the same PostgreSQL database (LISTEN/NOTIFY)', () => {
  it("wakes the first instance's tail, and its subscribers get the event", async () => {
    const db = await durableDatabase();
    const first = await db.start();
    const second = await db.start();
    try {
      await first.app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(first.app.getHttpServer().address() as AddressInfo).port}/events/stream`;
      const head = (await api(first).get('/events').query({ limit: 1 }).expect(200)).body.head as string;
      const stream = readSse(`${url}?after=${head}`, { Authorization: `Bearer ${first.adminToken}` }, (m) => events(m).length >= 1, 10_000);
      const tail = first.app.get(LiveFeed);
      await until(() => tail.subscribers.open === 1 && tail.subscribers.joined === 1);
      // The first instance appends nothing itself: only a NOTIFY can wake its signal before this long timeout.
      const woken = first.app
        .get(AppendSignal)
        .next(60_000)
        .promise.then(() => Date.now());
      const before = Date.now();
      await api(second).put('/departments/731/years/2024/projects/N1').send({ name: '别的实例', budget: '1.00' }).expect(200);
      expect((await woken) - before).toBeLessThan(5_000);
      const { messages } = await stream;
      expect(events(messages)).toMatchObject([{ type: 'ProjectRegistered', department: '731' }]);
    } finally {
      await second.close();
      await first.close();
      await db.dispose();
    }
  });
});
