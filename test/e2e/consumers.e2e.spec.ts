import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApiKey, plannedPurchaseIn } from '../support/access.js';
import { api } from '../support/http.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

interface Page {
  events: Array<{ eventId: string; type: string; department: string; position: string }>;
  next: string;
  head: string;
  lag?: number;
}

describe(`consumer checkpoints (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let key731: string;
  let key999: string;

  const feed = async (token: string, query: Record<string, string | number>): Promise<Page> =>
    (await api(t, token).get('/events').query(query).expect(200)).body as Page;

  beforeAll(async () => {
    t = await startTestApp();
    key731 = (await createApiKey(t, ['budget_system'], ['731'])).key;
    key999 = (await createApiKey(t, ['budget_system'], ['999'])).key;
    await plannedPurchaseIn(t, '731');
    await plannedPurchaseIn(t, '999');
  });
  afterAll(() => t.close());

  it('creates a consumer at a cursor and reads it back with its lag', async () => {
    const first = await feed(key731, { limit: 1 });
    const put = await api(t, key731).put('/consumers/sync-a/checkpoint').send({ cursor: first.next }).expect(200);
    expect(put.body).toMatchObject({ name: 'sync-a', cursor: first.next, updatedBy: expect.any(String) });
    const got = await api(t, key731).get('/consumers/sync-a').expect(200);
    expect(got.body).toEqual({ ...put.body, lag: expect.any(Number) });
    // Lag counts the caller's events after the checkpoint: all of 731's but the first.
    const all = await feed(key731, { limit: 1000 });
    expect(got.body.lag).toBe(all.events.length - 1);
  });

  it('compare-and-set: a stale If-Match is 409 naming the current cursor; a missing one is 400', async () => {
    const page = await feed(key731, { limit: 2 });
    const start = (await feed(key731, { limit: 1 })).next;
    await api(t, key731).put('/consumers/sync-b/checkpoint').send({ cursor: start }).expect(200);
    await api(t, key731).put('/consumers/sync-b/checkpoint').set('If-Match', `"${start}"`).send({ cursor: page.next }).expect(200);
    const stale = await api(t, key731).put('/consumers/sync-b/checkpoint').set('If-Match', start).send({ cursor: page.next }).expect(409);
    expect(stale.body).toMatchObject({ code: 'CONSUMER.CHECKPOINT_CONFLICT', field: 'If-Match', details: { current: page.next } });
    expect(stale.body.message).toContain(page.next);
    const none = await api(t, key731).put('/consumers/sync-b/checkpoint').send({ cursor: page.next }).expect(400);
    expect(none.body).toMatchObject({ code: 'CONSUMER.IF_MATCH_REQUIRED', field: 'If-Match' });
  });

  it('never moves backwards unless ?reset=true', async () => {
    const start = (await feed(key731, { limit: 1 })).next;
    const later = (await feed(key731, { limit: 3 })).next;
    await api(t, key731).put('/consumers/sync-c/checkpoint').send({ cursor: later }).expect(200);
    const back = await api(t, key731).put('/consumers/sync-c/checkpoint').set('If-Match', later).send({ cursor: start }).expect(409);
    expect(back.body).toMatchObject({ code: 'CONSUMER.CHECKPOINT_BACKWARDS', field: 'cursor' });
    expect((await api(t, key731).get('/consumers/sync-c').expect(200)).body.cursor).toBe(later);
    const reset = await api(t, key731)
      .put('/consumers/sync-c/checkpoint?reset=true')
      .set('If-Match', later)
      .send({ cursor: start })
      .expect(200);
    expect(reset.body.cursor).toBe(start);
  });

  it('rejects a malformed cursor with 400 and writes nothing', async () => {
    const bad = await api(t, key731).put('/consumers/sync-d/checkpoint').send({ cursor: 'not-a-cursor' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'FEED.INVALID_CURSOR', field: 'cursor' });
    await api(t, key731).get('/consumers/sync-d').expect(404);
  });

  it('?consumer= resumes exactly after the checkpoint, and lag equals the events appended after it, within scope', async () => {
    const atHead = (await feed(key731, { limit: 1000 })).next;
    await api(t, key731).put('/consumers/sync-e/checkpoint').send({ cursor: atHead }).expect(200);
    expect((await api(t, key731).get('/consumers/sync-e').expect(200)).body.lag).toBe(0);
    await plannedPurchaseIn(t, '999'); // out of scope: not counted
    await plannedPurchaseIn(t, '731'); // a project revision (or registration) and a purchase
    // On a shared PostgreSQL cluster another database's open transaction can hold the gap-free feed back a while.
    let appended: Page['events'] = [];
    for (let i = 0; i < 300 && !appended.some((e) => e.type === 'PurchasePlanned'); i++) {
      if (i) await new Promise((resolve) => setTimeout(resolve, 100));
      appended = (await feed(key731, { after: atHead, limit: 1000 })).events;
    }
    expect(appended.some((e) => e.type === 'PurchasePlanned')).toBe(true);
    expect(appended.every((e) => e.department === '731')).toBe(true);
    const resumed = await feed(key731, { consumer: 'sync-e', limit: 1000 });
    expect(resumed.events.map((e) => e.eventId)).toEqual(appended.map((e) => e.eventId));
    expect(resumed.lag).toBe(appended.length);
    expect((await api(t, key731).get('/consumers/sync-e').expect(200)).body.lag).toBe(appended.length);
    // After the last event the caller can see, head is where a reader that has read everything stands.
    const last = await feed(key731, { after: atHead, limit: appended.length });
    expect(resumed.head).toBe(last.next);
  });

  it('a consumer belongs to its departments: another department gets 404, and the list shows only its own', async () => {
    await api(t, key999)
      .put('/consumers/sync-999/checkpoint')
      .send({ cursor: (await feed(key999, { limit: 1 })).next })
      .expect(200);
    const hidden = await api(t, key731).get('/consumers/sync-999').expect(404);
    expect(hidden.body).toMatchObject({ code: 'CONSUMER.NOT_FOUND', field: 'name' });
    await api(t, key731).get('/events').query({ consumer: 'sync-999' }).expect(404);
    await api(t, key731)
      .put('/consumers/sync-999/checkpoint')
      .send({ cursor: (await feed(key731, { limit: 1 })).next })
      .expect(404);
    const list = await api(t, key731).get('/consumers').query({ limit: 2 }).expect(200);
    expect(list.body).toMatchObject({ total: 4, offset: 0, limit: 2 });
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(['sync-a', 'sync-b']);
    const admin = await api(t).get('/consumers').expect(200);
    expect(admin.body.items.map((c: { name: string }) => c.name)).toContain('sync-999');
  });
});
