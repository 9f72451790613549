import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { plannedPurchaseIn } from '../support/access.js';
import { api } from '../support/http.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

interface FeedEvent {
  eventId: string;
  type: string;
  streamId: string;
  budgetYear: number | null;
}

async function readAll(t: TestApp, query: Record<string, string | number>): Promise<FeedEvent[]> {
  const events: FeedEvent[] = [];
  let after: string | undefined;
  for (let page = 0; page < 200; page++) {
    const res = await api(t)
      .get('/events')
      .query({ ...query, ...(after ? { after } : {}) })
      .expect(200);
    events.push(...res.body.events);
    if (res.body.events.length === 0) return events;
    after = res.body.next;
  }
  throw new Error('feed did not end');
}

describe(`feed filters: types, streamPrefix, budgetYear (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    // Planned, contracted and accepted purchases interleaved with budget events, so a filter that
    // paged wrongly would skip or repeat one.
    for (const dept of ['731', '732', '731']) {
      const id = await plannedPurchaseIn(t, dept);
      await api(t)
        .post(`/purchases/${id}/contract`)
        .send({ supplier: '某公司', contractNo: `HT-${id.slice(0, 6)}`, amount: '1900.00', signedOn: '2024-03-01' })
        .expect(200);
      await api(t).post(`/purchases/${id}/acceptances`).send({ quantity: '1', amount: '1900.00', acceptedOn: '2024-03-10' }).expect(201);
    }
    await api(t).put('/departments/731/years/2025/projects/P009').send({ name: '下年项目', budget: '1000.00' }).expect(200);
  });
  afterAll(() => t.close());

  it('types=PurchasePlanned,PurchaseAccepted returns only those, in feed order, nothing skipped across pages', async () => {
    const all = await readAll(t, { limit: 1000 });
    const expected = all.filter((e) => e.type === 'PurchasePlanned' || e.type === 'PurchaseAccepted').map((e) => e.eventId);
    expect(expected.length).toBe(6);
    for (const limit of [1, 2, 5]) {
      const got = await readAll(t, { types: 'PurchasePlanned,PurchaseAccepted', limit });
      expect(got.map((e) => e.eventId)).toEqual(expected);
    }
    // `type=` still works, alone or beside `types=`.
    expect((await readAll(t, { type: 'PurchasePlanned', limit: 2 })).length).toBe(3);
    expect((await readAll(t, { type: 'PurchasePlanned', types: 'PurchaseAccepted', limit: 2 })).map((e) => e.eventId)).toEqual(expected);
  });

  it('streamPrefix= and budgetYear= narrow the feed', async () => {
    const all = await readAll(t, { limit: 1000 });
    const purchases = await readAll(t, { streamPrefix: 'purchase-', limit: 2 });
    expect(purchases.map((e) => e.eventId)).toEqual(all.filter((e) => e.streamId.startsWith('purchase-')).map((e) => e.eventId));
    const y2025 = await readAll(t, { budgetYear: 2025, limit: 2 });
    expect(y2025.map((e) => e.type)).toEqual(['ProjectRegistered']);
    expect(all.some((e) => e.budgetYear === 2025 && !y2025.find((x) => x.eventId === e.eventId))).toBe(false);
  });

  it('rejects malformed filters with 400 naming the field', async () => {
    for (const [field, value] of [
      ['types', 'PurchasePlanned,,X'],
      ['types', 'purchasePlanned'],
      ['streamPrefix', 'Purchase%'],
      ['budgetYear', 'abc'],
    ]) {
      const res = await api(t)
        .get('/events')
        .query({ [field]: value })
        .expect(400);
      expect(res.body.field).toBe(field);
    }
  });

  it('a page carries head: the cursor just past the newest event the caller can be served', async () => {
    const first = await api(t).get('/events').query({ limit: 1 }).expect(200);
    const all = await readAll(t, { limit: 1000 });
    const last = await api(t).get('/events').query({ limit: all.length }).expect(200);
    expect(first.body.head).toBe(last.body.next);
    expect(first.body.lag).toBeUndefined();
  });
});
