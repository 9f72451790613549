import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createApiKey } from '../support/access.js';
import { api } from '../support/http.js';
import { readSse, type SseMessage } from '../support/sse.js';
import { onPostgres, startTestApp, type TestApp } from '../support/test-app.js';

const BASE = '/departments/731/years/2024';

type Event = { eventId: string; type: string; position: string; department: string };
const events = (messages: SseMessage[]) => messages.filter((m) => m.event === 'event').map((m) => m.data as Event);

describe(`live event stream, server-sent events (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  let t: TestApp;
  let url: string;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/events/stream`;
    auth = { Authorization: `Bearer ${t.adminToken}` };
    for (const code of ['P001', 'P002', 'P003']) {
      await api(t)
        .put(`${BASE}/projects/${code}`)
        .send({ name: `项目${code}`, budget: '1000.00' })
        .expect(200);
    }
  });
  afterAll(() => t.close());

  it('serves the log in feed order, then events appended while it is open', async () => {
    const feed = await api(t).get('/events').expect(200);
    const live = readSse(url, auth, (m) => events(m).length >= 4);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await api(t).put(`${BASE}/projects/P004`).send({ name: '项目P004', budget: '1000.00' }).expect(200);
    const { status, messages } = await live;
    expect(status).toBe(200);
    const got = events(messages);
    expect(got.slice(0, 3).map((e) => e.eventId)).toEqual(feed.body.events.map((e: Event) => e.eventId));
    expect(got[3]).toMatchObject({ type: 'ProjectRegistered', department: '731' });
    expect(messages.filter((m) => m.event === 'event').every((m) => typeof m.id === 'string')).toBe(true);
  });

  it('resumes after Last-Event-ID with nothing skipped and nothing repeated', async () => {
    const all = events((await readSse(url, auth, (m) => events(m).length >= 4)).messages);
    // One network chunk may carry several messages: keep exactly the first two, as a client that dropped then.
    const first = (await readSse(url, auth, (m) => events(m).length >= 2)).messages.filter((m) => m.event === 'event').slice(0, 2);
    const resumed = await readSse(url, { ...auth, 'Last-Event-ID': first[1].id! }, (m) => events(m).length >= 2);
    expect([...events(first), ...events(resumed.messages)].map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
  });

  it('filters by type and department like the pull feed', async () => {
    await api(t).put(`/departments/732/years/2024/projects/X1`).send({ name: '其他部门', budget: '1.00' }).expect(200);
    const only732 = await readSse(`${url}?department=732`, auth, (m) => events(m).length >= 1);
    expect(events(only732.messages).map((e) => e.department)).toEqual(['732']);
    const byType = await readSse(`${url}?type=BudgetLineSet`, auth, () => false, 1_500);
    expect(events(byType.messages)).toEqual([]);
  });

  it("a key for department 731 never sees another department's event, and may not ask for one (403)", async () => {
    const { key } = await createApiKey(t, ['auditor'], ['731']);
    const mine = { Authorization: `Bearer ${key}` };
    const all = (await api(t).get('/events').expect(200)).body.events as Event[];
    const of731 = all.filter((e) => e.department === '731');
    expect(all.length).toBeGreaterThan(of731.length);
    const scoped = await readSse(url, mine, (m) => events(m).length >= of731.length, 3_000);
    expect(events(scoped.messages).map((e) => e.eventId)).toEqual(of731.map((e) => e.eventId));
    const other = await readSse(`${url}?department=732`, mine, () => true);
    expect(other.status).toBe(403);
    expect((await readSse(url, {}, () => true)).status).toBe(401);
  });

  it('rejects a malformed Last-Event-ID with 400 naming it', async () => {
    const res = await readSse(url, { ...auth, 'Last-Event-ID': 'not-a-cursor' }, () => true);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ field: 'Last-Event-ID' });
  });
});
