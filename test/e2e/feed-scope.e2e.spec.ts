import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TransactionRunner } from '../../src/database/transaction-runner.js';
import { EventStore } from '../../src/event-log/infrastructure/event-store.js';
import { createApiKey, plannedPurchaseIn } from '../support/access.js';
import { testContext } from '../support/context.js';
import { api } from '../support/http.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

interface FeedEvent {
  department: string;
  streamId: string;
}

/** Follows the feed from the start to an empty page, as a consumer would. */
async function readWholeFeed(t: TestApp, token: string, query: Record<string, string | number> = {}): Promise<FeedEvent[]> {
  const events: FeedEvent[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page++) {
    const res = await api(t, token)
      .get('/events')
      .query({ limit: 3, ...query, ...(after ? { after } : {}) })
      .expect(200);
    events.push(...res.body.events);
    if (res.body.events.length === 0) return events;
    after = res.body.next;
  }
  throw new Error('feed did not end');
}

describe(`the feed serves only departments in scope (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let purchase731: string;
  let purchase732: string;

  beforeAll(async () => {
    t = await startTestApp();
    // Interleaved departments, so a filter that stopped early or paged wrongly would show.
    purchase731 = await plannedPurchaseIn(t, '731');
    purchase732 = await plannedPurchaseIn(t, '732');
    await plannedPurchaseIn(t, '731');
    const store = t.app.get(EventStore);
    await t.app
      .get(TransactionRunner)
      .run(testContext(), (tx) =>
        store.append(tx, 'other-999', { department: '999', budgetYear: 2024 }, [{ type: 'Seeded', data: {} }], 'no_stream'),
      );
  });
  afterAll(() => t.close());

  it('a key for 731 never sees another department’s event, page after page', async () => {
    const key = (await createApiKey(t, ['budget_system'], ['731'])).key;
    const all = await readWholeFeed(t, t.adminToken);
    expect(new Set(all.map((e) => e.department))).toEqual(new Set(['731', '732', '999']));
    const seen = await readWholeFeed(t, key);
    expect(seen.length).toBe(all.filter((e) => e.department === '731').length);
    expect(seen.every((e) => e.department === '731')).toBe(true);
    expect(await readWholeFeed(t, key, { type: 'PurchasePlanned' })).toHaveLength(2);
  });

  it('a key for 731 and 999 sees both, not 732', async () => {
    const key = (await createApiKey(t, ['auditor'], ['731', '999'])).key;
    expect(new Set((await readWholeFeed(t, key)).map((e) => e.department))).toEqual(new Set(['731', '999']));
  });

  it('asking for a department outside the scope is 403; inside it filters', async () => {
    const key = (await createApiKey(t, ['budget_system'], ['731'])).key;
    const res = await api(t, key).get('/events').query({ department: '732' }).expect(403);
    expect(res.body).toMatchObject({ code: 'AUTH.DEPARTMENT_OUT_OF_SCOPE', field: 'department' });
    expect((await readWholeFeed(t, key, { department: '731' })).every((e) => e.department === '731')).toBe(true);
  });

  it('a key with no departments sees an empty log', async () => {
    const key = (await createApiKey(t, ['auditor'], [])).key;
    expect(await readWholeFeed(t, key)).toEqual([]);
  });

  it('a stream of another department is 404, like a missing one', async () => {
    const key = (await createApiKey(t, ['budget_system'], ['731'])).key;
    await api(t, key).get(`/streams/purchase-${purchase731}`).expect(200);
    const res = await api(t, key).get(`/streams/purchase-${purchase732}`).expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'STREAM.NOT_FOUND',
      message: `没有这个数据流（No stream purchase-${purchase732}）`,
      field: 'streamId',
    });
  });
});
