import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ConcurrencyError, UnprocessableError } from '../../src/common/errors/domain-error.js';
import { TransactionRunner } from '../../src/database/transaction-runner.js';
import type { NewEvent, StreamScope } from '../../src/event-log/domain/event.js';
import { EventStore } from '../../src/event-log/infrastructure/event-store.js';
import { gate, sleep, testContext } from '../support/context.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const scope: StreamScope = { department: '731', budgetYear: 2024 };
const noted = (n: number): NewEvent => ({ type: 'TestNoted', data: { n } });

describe(`event store (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let store: EventStore;
  let runner: TransactionRunner;

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EventStore);
    runner = t.app.get(TransactionRunner);
  });
  afterAll(() => t.close());

  const append = (streamId: string, events: NewEvent[], expected: Parameters<EventStore['append']>[4]) =>
    runner.run(testContext(), (tx) => store.append(tx, streamId, scope, events, expected));

  /** Reads the feed from `after` to its current end. */
  async function drain(after?: string) {
    const { decodeCursor, encodeCursor } = await import('../../src/event-log/domain/feed-cursor.js');
    const events = [];
    let cursor = after;
    for (;;) {
      const page = await store.readAll({ after: cursor ? decodeCursor(cursor) : undefined, limit: 2 });
      events.push(...page.events);
      cursor = encodeCursor(page.next);
      if (page.events.length < 2) return { events, cursor };
    }
  }

  it('appends with consecutive versions, metadata and scope, and reads the stream back', async () => {
    const ctx = testContext({ actor: { id: 'key-1', kind: 'api_key', departments: '*' }, causationId: 'cmd-1' });
    const stored = await runner.run(ctx, (tx) => store.append(tx, 'basic-1', scope, [noted(1), noted(2)], 'no_stream'));
    expect(stored.map((e) => e.streamVersion)).toEqual([1, 2]);
    await append('basic-1', [noted(3)], 2);

    const events = await store.history('basic-1');
    expect(events.map((e) => [e.streamVersion, e.data.n])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(events[0]).toMatchObject({
      type: 'TestNoted',
      department: '731',
      budgetYear: 2024,
      schemaVersion: 1,
      metadata: { actor: { id: 'key-1', kind: 'api_key' }, correlationId: ctx.correlationId, causationId: 'cmd-1' },
    });
    expect(BigInt(events[1].position)).toBeGreaterThan(BigInt(events[0].position));
    expect(new Set(events.map((e) => e.eventId)).size).toBe(3);
    expect(await store.streamVersion(t.dataSource.manager, 'basic-1')).toBe(3);
  });

  it('rejects a wrong expectation with a concurrency error and writes nothing', async () => {
    await append('wrong-1', [noted(1)], 'no_stream');
    await expect(append('wrong-1', [noted(2)], 'no_stream')).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(append('wrong-1', [noted(2)], 5)).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(append('missing-1', [noted(1)], 1)).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await store.history('wrong-1')).length).toBe(1);
    expect(await store.history('missing-1')).toEqual([]);
  });

  it('opens many streams in one append: versions from 1, each stream its scope, in the given order on the feed', async () => {
    const other: StreamScope = { department: '732', budgetYear: null };
    const ctx = testContext({ causationId: 'cmd-many' });
    const stored = await runner.run(ctx, (tx) =>
      store.appendToNewStreams(tx, [
        { streamId: 'many-1', scope, events: [noted(1), noted(2)] },
        { streamId: 'many-2', scope: other, events: [noted(3)] },
        { streamId: 'many-3', scope, events: [noted(4)] },
      ]),
    );
    expect(stored.map((e) => [e.streamId, e.streamVersion, e.data.n])).toEqual([
      ['many-1', 1, 1],
      ['many-1', 2, 2],
      ['many-2', 1, 3],
      ['many-3', 1, 4],
    ]);
    const positions = stored.map((e) => BigInt(e.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(new Set(stored.map((e) => e.transactionId)).size).toBe(1);
    expect(stored[2]).toMatchObject({ department: '732', budgetYear: null, metadata: { causationId: 'cmd-many' } });
    expect(await store.streamVersion(t.dataSource.manager, 'many-1')).toBe(2);
    expect(await store.streamVersion(t.dataSource.manager, 'many-2')).toBe(1);
    const feed = (await drain()).events.filter((e) => e.streamId.startsWith('many-'));
    expect(feed.map((e) => e.eventId)).toEqual(stored.map((e) => e.eventId));
  });

  it('refuses a multi-stream append whole when one of its streams exists: nothing written', async () => {
    await append('clash-1', [noted(1)], 'no_stream');
    const [{ n: before }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    const attempt = runner.run(testContext(), (tx) =>
      store.appendToNewStreams(tx, [
        { streamId: 'clash-0', scope, events: [noted(1)] },
        { streamId: 'clash-1', scope, events: [noted(2)] },
      ]),
    );
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect((error as Error).message).toContain('clash-1');
    expect(await store.streamVersion(t.dataSource.manager, 'clash-0')).toBeNull();
    expect(await store.history('clash-1')).toHaveLength(1);
    const [{ n: after }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    expect(after).toBe(before);
  });

  it('appends a new stream in parts at versions 1..n, and refuses it whole when the stream exists', async () => {
    const written: number[] = [];
    const stored = await runner.run(testContext(), (tx) =>
      store.appendInParts(tx, 'parts-1', scope, [noted(1), noted(2), noted(3)], (n) => written.push(n)),
    );
    expect(stored.map((e) => [e.streamVersion, e.data.n])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(written).toEqual([1, 2, 3]);
    expect((await store.history('parts-1')).map((e) => e.streamVersion)).toEqual([1, 2, 3]);

    // The first part is refused while the second is already on its way: nothing of either stays.
    const [{ n: before }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    const error = await runner
      .run(testContext(), (tx) => store.appendInParts(tx, 'parts-1', scope, [noted(4), noted(5), noted(6)]))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(await store.history('parts-1')).toHaveLength(3);
    const [{ n: after }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM events`);
    expect(after).toBe(before);
  });

  it('"any" appends whatever the version, creating the stream if needed', async () => {
    await append('any-1', [noted(1)], 'any');
    await append('any-1', [noted(2), noted(3)], 'any');
    expect((await store.history('any-1')).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
  });

  /**
   * Both writers read version 1 and append with expected 1 while their transactions overlap.
   * On PostgreSQL the second blocks on the streams row until the first commits, then fails its
   * condition; on PGlite the second cannot even begin until the first commits (one session).
   */
  it('two appends with the same expected version: exactly one wins, the other gets a conflict', async () => {
    await append('race-1', [noted(0)], 'no_stream');
    const hold = gate();
    const appended = gate();
    const first = runner.run(testContext(), async (tx) => {
      const stored = await store.append(tx, 'race-1', scope, [noted(1)], 1);
      appended.open();
      await hold.opened;
      return stored;
    });
    // The second writer starts only once the first holds its append uncommitted.
    await appended.opened;
    const second = append('race-1', [noted(2)], 1);
    await sleep(200);
    hold.open();
    const results = await Promise.allSettled([first, second]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(ConcurrencyError);
    expect((failure.reason as ConcurrencyError).code).toBe('STREAM.VERSION_CONFLICT');
    expect((await store.history('race-1')).map((e) => e.data.n)).toEqual([0, 1]);
  });

  it('two "no stream" appends to a new stream: exactly one wins', async () => {
    const hold = gate();
    const appended = gate();
    const first = runner.run(testContext(), async (tx) => {
      const stored = await store.append(tx, 'race-2', scope, [noted(1)], 'no_stream');
      appended.open();
      await hold.opened;
      return stored;
    });
    // The second writer starts only once the first holds its append uncommitted.
    await appended.opened;
    const second = append('race-2', [noted(2)], 'no_stream');
    await sleep(200);
    hold.open();
    const results = await Promise.allSettled([first, second]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    expect((await store.history('race-2')).map((e) => e.data.n)).toEqual([1]);
  });

  describe('reading all events never skips one committed out of order', () => {
    if (onPostgres()) {
      it('holds back a later commit until the earlier transaction finishes, then serves both in order', async () => {
        const { cursor: start } = await drain();
        const holdA = gate();
        const appendedA = gate();
        // A takes the lower position first and stays open.
        const a = runner.run(testContext(), async (tx) => {
          const stored = await store.append(tx, 'skip-a', scope, [noted(1)], 'no_stream');
          appendedA.open();
          await holdA.opened;
          return stored;
        });
        await appendedA.opened;
        // B takes a higher position and commits while A is still open.
        const [b] = await append('skip-b', [noted(2)], 'no_stream');

        const whileOpen = await drain(start);
        expect(whileOpen.events.map((e) => e.streamId)).not.toContain('skip-b');
        expect(whileOpen.events.map((e) => e.streamId)).not.toContain('skip-a');

        holdA.open();
        const [aEvent] = await a;
        expect(BigInt(aEvent.position)).toBeLessThan(BigInt(b.position));

        const after = await drain(whileOpen.cursor);
        expect(after.events.map((e) => e.streamId)).toEqual(['skip-a', 'skip-b']);
        // Reading again from the start serves each exactly once.
        const all = await drain(start);
        expect(all.events.filter((e) => e.streamId.startsWith('skip-')).map((e) => e.streamId)).toEqual(['skip-a', 'skip-b']);
      });
    } else {
      /**
       * PGlite is one session and our pool hands it to one transaction at a time, so a
       * transaction cannot commit while an earlier one is open: positions are committed in
       * order and the out-of-order case cannot arise. What must hold is the serialization
       * itself: B (and any reader) waits for A's commit.
       */
      it('serializes transactions: B and a reader wait until A commits, then see A before B', async () => {
        const { cursor: start } = await drain();
        const holdA = gate();
        const appendedA = gate();
        const order: string[] = [];
        const a = runner.run(testContext(), async (tx) => {
          await store.append(tx, 'skip-a', scope, [noted(1)], 'no_stream');
          appendedA.open();
          await holdA.opened;
          order.push('A commits');
        });
        await appendedA.opened;
        const b = runner.run(testContext(), async (tx) => {
          order.push('B begins');
          await store.append(tx, 'skip-b', scope, [noted(2)], 'no_stream');
        });
        const reader = drain(start).then((r) => {
          order.push('reader done');
          return r;
        });
        await sleep(200);
        expect(order).toEqual([]);
        holdA.open();
        await Promise.all([a, b]);
        const read = await reader;
        expect(order).toEqual(['A commits', 'B begins', 'reader done']);
        expect(read.events.map((e) => e.streamId)).toEqual(['skip-a', 'skip-b']);
      });
    }
  });

  it('pages through the feed with a cursor, filters by type and department, and ends with a stable cursor', async () => {
    const { cursor: start } = await drain();
    for (let i = 0; i < 7; i++) {
      await runner.run(testContext(), (tx) =>
        store.append(
          tx,
          `page-${i}`,
          { department: i % 2 ? '999' : '731', budgetYear: 2024 },
          [{ type: i % 3 ? 'PageA' : 'PageB', data: { i } }],
          'no_stream',
        ),
      );
    }
    const { decodeCursor, encodeCursor } = await import('../../src/event-log/domain/feed-cursor.js');
    const seen: number[] = [];
    let cursor = start;
    for (let pages = 0; pages < 10; pages++) {
      const page = await store.readAll({ after: decodeCursor(cursor), limit: 3 });
      seen.push(...page.events.map((e) => e.data.i as number));
      cursor = encodeCursor(page.next);
      if (page.events.length < 3) break;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const empty = await store.readAll({ after: decodeCursor(cursor), limit: 3 });
    expect(empty.events).toEqual([]);
    expect(encodeCursor(empty.next)).toBe(cursor);

    const onlyB = await store.readAll({ after: decodeCursor(start), limit: 100, types: ['PageB'] });
    expect(onlyB.events.map((e) => e.data.i)).toEqual([0, 3, 6]);
    const only999 = await store.readAll({ after: decodeCursor(start), limit: 100, department: '999' });
    expect(only999.events.map((e) => e.data.i)).toEqual([1, 3, 5]);
  });

  it('the feed as JSON text (the HTTP answer) holds exactly the public form of the same page', async () => {
    const { decodeCursor } = await import('../../src/event-log/domain/feed-cursor.js');
    const { cursor: start } = await drain();
    const awkward = {
      quote: 'a "quoted" \\ back\\slash',
      lines: 'line\nbreak\ttab\u0001',
      zh: '碎纸机（甲）💡',
      separators: '\u2028\u2029',
      numbers: [0, -1, 1.5, 12345678901234],
      nested: { empty: {}, list: [], none: null, yes: true },
      amount: '1900.00',
    };
    await append('json-page', [{ type: 'TestAwkward', data: awkward }, noted(2)], 'no_stream');
    await runner.run(testContext(), (tx) =>
      store.append(tx, 'json-page-no-year', { department: '999', budgetYear: null }, [noted(3)], 'no_stream'),
    );
    const options = { after: decodeCursor(start), limit: 2 };
    const parsed = await store.readAll(options);
    const { toPublicEvent } = await import('../../src/event-log/domain/public-event.js');
    const pages = [];
    for (let cursor = options.after, i = 0; i < 3; i++) {
      const pieces: Buffer[] = [];
      const end = await store.streamFeedJson({ after: cursor, limit: 2 }, undefined, (json) => pieces.push(json));
      const page = { ...end, eventsJson: Buffer.concat(pieces).toString('utf8') };
      const expected = await store.readAll({ after: cursor, limit: 2 });
      expect(JSON.parse(`[${page.eventsJson}]`)).toEqual(JSON.parse(JSON.stringify(expected.events.map(toPublicEvent))));
      expect(page.next).toEqual(expected.next);
      expect(page.count).toBe(expected.events.length);
      pages.push(...JSON.parse(`[${page.eventsJson}]`));
      cursor = page.next;
    }
    expect(pages.map((e: { type: string }) => e.type)).toEqual(['TestAwkward', 'TestNoted', 'TestNoted']);
    expect(pages[0].data).toEqual(awkward);
    expect(pages[2].budgetYear).toBeNull();
    expect(parsed.events[0].occurredAt.toISOString()).toBe(pages[0].occurredAt);
  });

  it('a page larger than one piece of the streamed answer (64 KB) arrives whole, in order, each event once', async () => {
    const { decodeCursor } = await import('../../src/event-log/domain/feed-cursor.js');
    const { toPublicEvent } = await import('../../src/event-log/domain/public-event.js');
    const { cursor: start } = await drain();
    const big = (n: number): NewEvent => ({ type: 'TestNoted', data: { n, text: `第${n}条：${'资产卡片'.repeat(100)}` } });
    await append(
      'json-big-page',
      Array.from({ length: 150 }, (_, i) => big(i)),
      'no_stream',
    );
    const pieces: Buffer[] = [];
    const end = await store.streamFeedJson({ after: decodeCursor(start), limit: 1000 }, undefined, (json) => pieces.push(json));
    const expected = await store.readAll({ after: decodeCursor(start), limit: 1000 });
    expect(pieces.length).toBeGreaterThan(1);
    expect(end.count).toBe(150);
    expect(JSON.parse(`[${Buffer.concat(pieces).toString('utf8')}]`)).toEqual(
      JSON.parse(JSON.stringify(expected.events.map(toPublicEvent))),
    );
    expect(end.next).toEqual(expected.next);
  });

  describe('a stream this transaction appended to is read from memory after the append', () => {
    const strip = (events: Array<{ streamVersion: number; eventId: string; type: string; data: unknown }>) =>
      events.map(({ streamVersion, eventId, type, data }) => ({ streamVersion, eventId, type, data }));

    it('read whole, appended to, then read again (up to a version too): no statement, the same events the database holds', async () => {
      await append('mem-1', [noted(1), noted(2)], 'no_stream');
      const seen = await runner.run(testContext(), async (tx) => {
        const before = await store.readStream(tx.manager, 'mem-1');
        await store.append(tx, 'mem-1', scope, [noted(3)], before.length);
        const query = jest.spyOn(tx.manager, 'query');
        const whole = await store.readStream(tx.manager, 'mem-1');
        const upTo2 = await store.readStream(tx.manager, 'mem-1', 2);
        const statements = query.mock.calls.length;
        query.mockRestore();
        return { whole, upTo2, statements };
      });
      expect(seen.statements).toBe(0);
      const stored = await store.history('mem-1');
      expect(strip(seen.whole)).toEqual(strip(stored));
      expect(strip(seen.upTo2)).toEqual(strip(stored.slice(0, 2)));
    });

    it('a stream only read, or appended to in another transaction, is read from the database', async () => {
      await append('mem-2', [noted(1)], 'no_stream');
      const statements = await runner.run(testContext(), async (tx) => {
        await store.readStream(tx.manager, 'mem-2');
        const query = jest.spyOn(tx.manager, 'query');
        await store.readStream(tx.manager, 'mem-2');
        const count = query.mock.calls.length;
        query.mockRestore();
        return count;
      });
      expect(statements).toBeGreaterThan(0);
      expect((await runner.run(testContext(), (tx) => store.readStream(tx.manager, 'mem-2'))).length).toBe(1);
    });

    it('appended to without reading it whole first (any version): read from the database, correct', async () => {
      await append('mem-3', [noted(1), noted(2)], 'no_stream');
      const whole = await runner.run(testContext(), async (tx) => {
        await store.append(tx, 'mem-3', scope, [noted(3)], 'any');
        return store.readStream(tx.manager, 'mem-3');
      });
      expect(whole.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    });
  });

  describe('idempotency keys', () => {
    const keyed = (key: string, requestHash: string) => testContext({ idempotency: { scope: 'api_key:k1', key, requestHash } });
    const command = (key: string, requestHash: string, streamId: string) =>
      runner.run(keyed(key, requestHash), async (tx) => {
        const [event] = await store.append(tx, streamId, scope, [noted(1)], 'any');
        return { eventId: event.eventId, version: event.streamVersion };
      });

    it('replays the first answer for the same key and writes nothing', async () => {
      const first = await command('key-1', 'h1', 'idem-1');
      const again = await command('key-1', 'h1', 'idem-1');
      expect(again).toEqual(first);
      expect((await store.history('idem-1')).length).toBe(1);
    });

    it('refuses the same key for a different request (422)', async () => {
      await command('key-2', 'h1', 'idem-2');
      await expect(command('key-2', 'h2', 'idem-2')).rejects.toBeInstanceOf(UnprocessableError);
      expect((await store.history('idem-2')).length).toBe(1);
    });

    it('runs a command whose first attempt failed again (a failure is not stored)', async () => {
      await expect(
        runner.run(keyed('key-3', 'h1'), async (tx) => {
          await store.append(tx, 'idem-3', scope, [noted(1)], 'any');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      await command('key-3', 'h1', 'idem-3');
      expect((await store.history('idem-3')).length).toBe(1);
    });

    it('two concurrent requests with one key: one event, one answer', async () => {
      const results = await Promise.all([command('key-4', 'h1', 'idem-4'), command('key-4', 'h1', 'idem-4')]);
      expect(results[1]).toEqual(results[0]);
      expect((await store.history('idem-4')).length).toBe(1);
    });

    const age = (key: string, hours: number) =>
      t.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - $2::interval WHERE key = $1`, [key, `${hours} hours`]);

    it('forgets a key after IDEMPOTENCY_KEY_TTL_HOURS (24 by default): the same key then runs afresh', async () => {
      await command('key-5', 'h1', 'idem-5');
      await age('key-5', 23);
      await command('key-5', 'h1', 'idem-5');
      expect((await store.history('idem-5')).length).toBe(1);
      await age('key-5', 25);
      await command('key-5', 'h2', 'idem-5');
      expect((await store.history('idem-5')).length).toBe(2);
      // Taken over, not duplicated: within the TTL again, the new request is the one remembered.
      await expect(command('key-5', 'h1', 'idem-5')).rejects.toBeInstanceOf(UnprocessableError);
    });

    it('the sweeper deletes expired keys and keeps live ones', async () => {
      await command('key-6', 'h1', 'idem-6');
      await command('key-7', 'h1', 'idem-7');
      await age('key-6', 48);
      const { IdempotencySweeper } = await import('../../src/database/idempotency.sweeper.js');
      expect(await t.app.get(IdempotencySweeper).sweep()).toBeGreaterThanOrEqual(1);
      const left: Array<{ key: string }> = await t.dataSource.query(`SELECT key FROM idempotency_keys WHERE key IN ('key-6', 'key-7')`);
      expect(left.map((r) => r.key)).toEqual(['key-7']);
    });
  });
});

describe(`the feed orders transaction ids as numbers (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  // Found by the benchmark: ordering by the text form of the id put transaction 1000 before 999,
  // and the next page's cursor then skipped every event of transactions 999 and below.
  it('serves an event of transaction 99 before one of 100, and pages past both without a skip', async () => {
    // Ids below any live transaction's (a fresh cluster starts near 750), so all are served.
    for (const [tx, n] of [
      ['100', 1],
      ['99', 2],
      ['10', 3],
      ['9', 4],
    ] as const) {
      await t.dataSource.query(
        `INSERT INTO events (transaction_id, event_id, stream_id, stream_version, type, data, metadata, department, occurred_at)
         VALUES ($1::xid8, gen_random_uuid(), $2, 1, 'TestNoted', $3::jsonb, '{"actor":{"id":"test","kind":"system"}}'::jsonb, '731', now())`,
        [tx, `raw-${n}`, JSON.stringify({ n })],
      );
    }
    const store = t.app.get(EventStore);
    const seen: unknown[] = [];
    let after;
    for (let page = 0; page < 10; page++) {
      const { events, next } = await store.readAll({ after, limit: 1, types: ['TestNoted'] });
      if (events.length === 0) break;
      seen.push(...events.map((e) => [e.transactionId, e.data.n]));
      after = next;
    }
    expect(seen).toEqual([
      ['9', 4],
      ['10', 3],
      ['99', 2],
      ['100', 1],
    ]);
  });
});
