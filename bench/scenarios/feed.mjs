// Catching up with the whole log: over HTTP (GET /events, pages of 1000, each asked for once the
// previous one's cursor has arrived, while that one is parsed), and through the event
// store's own feed query (dist's readAll) on a pg connection, without HTTP. Both must serve
// every event of the log exactly once: a bench that loses or repeats events is wrong, not fast.
// The log is first topped up to BENCH_FEED_EVENTS events (100,000; quick 20,000) with
// acceptances of 10,000 cards each in department 871 (AssetRegistered events, one per card, the
// bulk of a real unit's log), so the figure is not a fraction of a second of reading.
import { Agent, get } from 'node:http';
import pg from 'pg';
import { decodeCursor } from '../../dist/event-log/domain/feed-cursor.js';
import { readAll } from '../../dist/event-log/infrastructure/store/read-all.js';
import { strictClient } from '../lib/service.mjs';
import { accept, contracted, prepareDepartment } from './acceptance-cards.mjs';

const PAGE = 1000;
const DEPT = '871';
const CARDS_PER_ACCEPTANCE = 10_000;

export const meta = {
  databases: ['postgres'],
  targets: { feedHttpEventsPerSec: { text: '≥ 50,000 /s', min: 50_000 }, feedStoreEventsPerSec: { text: '—' } },
};

// node:http with a keep-alive agent rather than fetch: a consumer runs on its own machine, and
// fetch's web-stream layers cost this one's two cores about as much CPU per page as the service
// spends answering it (measured: 1.5–1.9 s of the bench's CPU per 100,000 events).
function pageReader(baseUrl, adminKey) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const headers = { authorization: `Bearer ${adminKey}` };
  /** The page's body as text (parsed by the caller, once it has asked for the next page). */
  const read = (path) =>
    new Promise((resolve, reject) => {
      get(`${baseUrl}${path}`, { agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`GET ${path} → ${res.statusCode} ${text.slice(0, 500)}`));
          else resolve(text);
        });
      }).on('error', reject);
    });
  return { read, close: () => agent.destroy() };
}

/**
 * The page's `next` cursor without parsing its events: the answer ends with
 * `],"next":…,"head":…(,"lag":…)}`, after the last event, so the last `],"next":` is the tail's
 * (inside an event's data a quote is escaped, and any such text comes before the tail).
 */
function nextOf(text) {
  const at = text.lastIndexOf('],"next":');
  if (at < 0) throw new Error(`a feed page without its tail: …${text.slice(-200)}`);
  return JSON.parse(`{${text.slice(at + 2)}`).next;
}

const countEvents = async (db) => (await db.query('SELECT count(*)::int AS n FROM events')).rows[0].n;

async function topUp(db, call, events, log) {
  let n = await countEvents(db);
  if (n >= events) return;
  await prepareDepartment(call, DEPT);
  while (n < events) {
    const cards = Math.min(CARDS_PER_ACCEPTANCE, Math.max(1, events - n - 4));
    await accept(call, await contracted(call, cards, DEPT), cards);
    n = await countEvents(db);
  }
  log?.(`feed: the log topped up to ${n} events`);
}

// Everything ordered at or before the final cursor is what a reader that followed `next` to the
// end must have been served exactly once, whatever was still being written when it started.
async function eventsUpTo(db, cursor) {
  const { rows } = await db.query(
    'SELECT count(*)::int AS n FROM events WHERE (transaction_id, global_position) <= ($1::xid8, $2::bigint)',
    [cursor.transactionId, cursor.position],
  );
  return rows[0].n;
}

export default async function feed({ baseUrl, adminKey, databaseUrl, quick, log }) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const call = strictClient(baseUrl, adminKey);
    await topUp(db, call, Number(process.env.BENCH_FEED_EVENTS ?? (quick ? 20_000 : 100_000)), log);

    // As a catch-up client does: the next page is asked for as soon as this one's cursor is known
    // (its tail), and this one is parsed and checked while the service answers the next. A page is
    // still read only after the previous one has been received whole, one request at a time.
    const reader = pageReader(baseUrl, adminKey);
    const ids = new Set();
    let served = 0;
    let after;
    const pagePath = (cursor) => `/events?limit=${PAGE}${cursor ? `&after=${cursor}` : ''}`;
    let t0 = performance.now();
    let pending = reader.read(pagePath(after));
    for (;;) {
      const text = await pending;
      const next = nextOf(text);
      pending = reader.read(pagePath(next));
      const page = JSON.parse(text);
      if (page.next !== next) throw new Error(`the tail's cursor ${next} is not the page's ${page.next}`);
      for (const event of page.events) ids.add(event.eventId);
      served += page.events.length;
      after = page.next;
      if (page.events.length < PAGE) break;
    }
    await pending;
    const httpSeconds = (performance.now() - t0) / 1000;
    reader.close();
    const expected = await eventsUpTo(db, decodeCursor(after));
    if (served !== expected || ids.size !== served) {
      throw new Error(`GET /events served ${served} events (${ids.size} distinct) where the log holds ${expected} up to its last cursor`);
    }

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
    const storedExpected = await eventsUpTo(db, cursor);
    if (stored !== storedExpected)
      throw new Error(`the store's feed served ${stored} events where the log holds ${storedExpected} up to its last cursor`);
    log?.(`feed: ${served} events over HTTP in ${httpSeconds.toFixed(2)} s, ${stored} through the store in ${storeSeconds.toFixed(2)} s`);
    return { feedHttpEventsPerSec: Math.round(served / httpSeconds), feedStoreEventsPerSec: Math.round(stored / storeSeconds) };
  } finally {
    await db.end();
  }
}
