// Catching up with the whole log: over HTTP (GET /events, pages of 1000), and through the event
// store's own feed query (dist's readAll) on a pg connection, without HTTP. Both must serve
// every event of the log exactly once: a bench that loses events is wrong, not fast.
import pg from 'pg';
import { readAll } from '../../dist/event-log/infrastructure/store/read-all.js';
import { strictClient } from '../lib/service.mjs';

const PAGE = 1000;

export const meta = {
  databases: ['postgres'],
  targets: { feedHttpEventsPerSec: { text: '≥ 50,000 /s', min: 50_000 }, feedStoreEventsPerSec: { text: '—' } },
};

export default async function feed({ baseUrl, adminKey, databaseUrl }) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM events')).rows;

    const call = strictClient(baseUrl, adminKey);
    let served = 0;
    let after;
    let t0 = performance.now();
    for (;;) {
      const page = await call('GET', `/events?limit=${PAGE}${after ? `&after=${after}` : ''}`);
      served += page.events.length;
      after = page.next;
      if (page.events.length < PAGE) break;
    }
    const httpSeconds = (performance.now() - t0) / 1000;
    if (served !== n) throw new Error(`GET /events served ${served} events but the log holds ${n}`);

    const manager = { query: async (sql, params) => (await db.query(sql, params)).rows };
    let stored = 0;
    let cursor;
    t0 = performance.now();
    for (;;) {
      await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const page = await readAll(manager, { after: cursor, limit: PAGE });
      await db.query('COMMIT');
      stored += page.events.length;
      cursor = page.next;
      if (page.events.length < PAGE) break;
    }
    const storeSeconds = (performance.now() - t0) / 1000;
    if (stored !== n) throw new Error(`the store's feed served ${stored} events but the log holds ${n}`);
    return { feedHttpEventsPerSec: Math.round(n / httpSeconds), feedStoreEventsPerSec: Math.round(n / storeSeconds) };
  } finally {
    await db.end();
  }
}
