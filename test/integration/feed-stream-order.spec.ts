import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '../../src/database/transaction-runner.js';
import { decodeCursor, encodeCursor } from '../../src/event-log/domain/feed-cursor.js';
import type { NewEvent, StoredEvent, StreamScope } from '../../src/event-log/domain/event.js';
import { EventStore } from '../../src/event-log/infrastructure/event-store.js';
import { gate, testContext } from '../support/context.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const scope: StreamScope = { department: '731', budgetYear: 2024 };
const noted = (n: number): NewEvent => ({ type: 'TestNoted', data: { n } });

/**
 * Found by the reliability no-skip test: a transaction's xid is assigned at its first write, so
 * a writer that wrote elsewhere first, then waited for a stream, could append the stream's later
 * version under an older xid, and the feed (ordered by xid) served version 2 before version 1.
 * Two connections are needed for the interleaving: on PGlite (one session, serialized
 * transactions) it cannot arise.
 */
(onPostgres() ? describe : describe.skip)('the feed serves a stream in version order under concurrent writers (PostgreSQL)', () => {
  let t: TestApp;
  let store: EventStore;
  let runner: TransactionRunner;

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(EventStore);
    runner = t.app.get(TransactionRunner);
  });
  afterAll(() => t.close());

  async function drain(after: string | undefined): Promise<{ events: StoredEvent[]; cursor: string }> {
    const events: StoredEvent[] = [];
    let cursor = after;
    for (;;) {
      const page = await store.readAll({ after: cursor ? decodeCursor(cursor) : undefined, limit: 100 });
      events.push(...page.events);
      cursor = encodeCursor(page.next);
      if (page.events.length < 100) return { events, cursor };
    }
  }

  it('an older transaction that appends version 2 after a younger one appended version 1: the feed serves 1 then 2', async () => {
    const { cursor: start } = await drain(undefined);
    const shared = `order-${randomUUID()}`;
    const wroteFirst = gate();
    const proceed = gate();
    // A writes elsewhere first (its xid is now assigned), then waits.
    const a = runner.run(testContext(), async (tx) => {
      await store.append(tx, `order-own-${randomUUID()}`, scope, [noted(0)], 'no_stream');
      wroteFirst.open();
      await proceed.opened;
      return store.append(tx, shared, scope, [noted(2)], 'any');
    });
    await wroteFirst.opened;
    // B starts after A's first write, so its xid is younger; it appends version 1 and commits.
    const [b] = await runner.run(testContext(), (tx) => store.append(tx, shared, scope, [noted(1)], 'no_stream'));
    proceed.open();
    const [aEvent] = await a;
    expect([b.streamVersion, aEvent.streamVersion]).toEqual([1, 2]);

    const served = (await drain(start)).events.filter((e) => e.streamId === shared);
    expect(served.map((e) => e.streamVersion)).toEqual([1, 2]);
    // A's own first event keeps its own (older) transaction id: only the shared stream's is filed later.
    expect(BigInt(aEvent.transactionId)).toBeGreaterThanOrEqual(BigInt(b.transactionId));
  });

  it('many concurrent writers on one stream after writes elsewhere: every stream version in order, each once', async () => {
    const { cursor: start } = await drain(undefined);
    const shared = `order-many-${randomUUID()}`;
    await runner.run(testContext(), (tx) => store.append(tx, shared, scope, [noted(0)], 'no_stream'));
    const writers = Array.from({ length: 12 }, (_, i) =>
      runner.run(testContext(), async (tx) => {
        await store.append(tx, `order-own-${randomUUID()}`, scope, [noted(i)], 'no_stream');
        // Let the younger writers take their xids before this one reaches the shared stream.
        await new Promise((resolve) => setTimeout(resolve, (12 - i) * 15));
        await store.append(tx, shared, scope, [noted(i)], 'any');
      }),
    );
    await Promise.all(writers);
    const versions = (await drain(start)).events.filter((e) => e.streamId === shared).map((e) => e.streamVersion);
    expect(versions).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });
});
