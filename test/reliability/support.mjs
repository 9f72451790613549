// Shared machinery of the reliability suite: the built service as separate processes on a fresh
// PostgreSQL database, clients that retry with the same Idempotency-Key until they get an answer,
// and the checks every test ends with (exactly once, read models = a rebuild from the log).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { freshPostgres } from '../../bench/lib/databases.mjs';
import { client, freePort, newAdminKey, startService } from '../../bench/lib/service.mjs';

export const QUICK = process.env.RELIABILITY_QUICK === '1';
export const DEPT = '731';
export const BASE = `/departments/${DEPT}/years/2024`;
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const figures = (name, values) => console.log(`[reliability] ${name}: ${JSON.stringify(values)}`);

/** A fresh PostgreSQL database with a pg pool on it, and services started on it on demand. */
export async function environment(prefix) {
  const database = await freshPostgres(`rel_${prefix}`);
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  // A terminated connection (the database-outage test) must not take the test process down.
  pool.on('error', () => {});
  const adminKey = newAdminKey();
  const services = [];
  return {
    database,
    pool,
    adminKey,
    /** Starts (or, with the same port, restarts) the service on this database. */
    async start({ port, env = {} } = {}) {
      const service = await startService({
        env: { ...database.env, ...env },
        adminKey,
        port: port ?? (await freePort()),
        quiet: process.env.RELIABILITY_VERBOSE !== '1',
      });
      services.push(service);
      return service;
    },
    call: (service) => client(service.baseUrl, adminKey),
    async query(sql, params) {
      return (await pool.query(sql, params)).rows;
    },
    async dispose() {
      for (const s of services) await s.kill();
      await pool.end();
      await database.dispose();
    },
  };
}

/** The project and budget line the load plans against (large enough never to run out). */
export async function seed(call) {
  for (const [path, body] of [
    ['projects/P001', { name: '日常公用经费', budget: '900000000000.00' }],
    ['budget-lines/31002', { name: '办公设备购置', amount: '1900.00' }],
  ]) {
    const res = await call('PUT', `${BASE}/${path}`, body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
}

export const PLAN = {
  projectCode: 'P001',
  itemName: '台式计算机',
  catalogCode: 'A02010105',
  unit: '台',
  quantity: '2',
  unitPrice: '5000.00',
  amount: '10000.00',
  funding: { general_budget: '10000.00' },
};

/**
 * `clients` loops of plan → contract → acceptance (2 units → 2 asset cards), every command with
 * its own Idempotency-Key, sent to `target()` (which may change as services die and restart).
 * A command without an answer (connection refused or reset, 503) is retried with the same key
 * until it is answered; any other answer than its success status is recorded as a failure.
 * Stops starting new purchases when `stop()` is called; resolves the acknowledged commands.
 */
export function commandLoad({ clients, target, adminKey, retryStatuses = [502, 503, 504] }) {
  const run = randomBytes(4).toString('hex');
  const acknowledged = { plans: new Map(), contracts: new Set(), acceptances: new Set() };
  const failures = [];
  const statuses = new Map();
  const retriedCodes = new Map();
  let retries = 0;
  let answeredAfterRetry = 0;
  let stopping = false;

  async function send(method, path, body, key, expect) {
    const giveUp = performance.now() + 60_000;
    for (let attempt = 1; ; attempt++) {
      let res;
      try {
        res = await client(target(), adminKey)(method, path, body, { 'Idempotency-Key': key });
      } catch {
        res = null; // refused or reset: no answer
      }
      if (res) statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res && res.status === expect) {
        if (attempt > 1) answeredAfterRetry++;
        return res.body;
      }
      if (res && !retryStatuses.includes(res.status)) {
        failures.push({ key, status: res.status, body: res.body });
        return null;
      }
      if (res) retriedCodes.set(`${res.status} ${res.body?.code}`, (retriedCodes.get(`${res.status} ${res.body?.code}`) ?? 0) + 1);
      if (performance.now() > giveUp) {
        failures.push({ key, status: 'no answer within 60 s' });
        return null;
      }
      retries++;
      await sleep(50 + Math.random() * 100);
    }
  }

  const loops = Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; !stopping; i++) {
      const key = `${run}-${c}-${i}`;
      const plan = await send('POST', `${BASE}/purchases`, PLAN, `${key}-plan`, 201);
      if (!plan) continue;
      acknowledged.plans.set(`${key}-plan`, plan.id);
      const contract = { supplier: '某办公设备有限公司', contractNo: `HT-${key}`, amount: '10000.00', signedOn: '2024-03-01' };
      if (!(await send('POST', `/purchases/${plan.id}/contract`, contract, `${key}-contract`, 200))) continue;
      acknowledged.contracts.add(plan.id);
      const acceptance = { quantity: '2', amount: '10000.00', acceptedOn: '2024-04-01' };
      if (!(await send('POST', `/purchases/${plan.id}/acceptances`, acceptance, `${key}-accept`, 201))) continue;
      acknowledged.acceptances.add(plan.id);
    }
  });
  return {
    acknowledged,
    failures,
    statuses,
    retriedCodes,
    get retries() {
      return retries;
    },
    get answeredAfterRetry() {
      return answeredAfterRetry;
    },
    async stop() {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

function sameSet(logged, acknowledged, what) {
  const a = new Set(logged);
  const b = new Set(acknowledged);
  const notAcknowledged = [...a].filter((x) => !b.has(x));
  const lost = [...b].filter((x) => !a.has(x));
  assert.ok(
    notAcknowledged.length === 0 && lost.length === 0,
    `${what}: ${lost.length} acknowledged but not in the log (${lost.slice(0, 3)}), ${notAcknowledged.length} in the log but never acknowledged (${notAcknowledged.slice(0, 3)})`,
  );
}

/** Every acknowledged command's events exist exactly once, and nothing else was written. */
export async function assertExactlyOnce(env, load) {
  assert.deepEqual(load.failures.slice(0, 5), [], `${load.failures.length} commands answered with an unexpected status`);
  const { plans, contracts, acceptances } = load.acknowledged;
  const ids = [...plans.values()];
  assert.equal(new Set(ids).size, ids.length, 'two keys answered with the same purchase');
  const rows = await env.query(
    `SELECT type, data->>'purchaseId' AS id, count(*)::int AS n FROM events
     WHERE type IN ('PurchasePlanned', 'PurchaseContracted', 'PurchaseAccepted', 'AssetRegistered') GROUP BY 1, 2`,
  );
  const count = (type) => new Map(rows.filter((r) => r.type === type).map((r) => [r.id, r.n]));
  const planned = count('PurchasePlanned');
  const contracted = count('PurchaseContracted');
  const accepted = count('PurchaseAccepted');
  const cards = count('AssetRegistered');
  sameSet(planned.keys(), ids, 'planned purchases');
  for (const id of ids) assert.equal(planned.get(id), 1, `purchase ${id} planned ${planned.get(id)} times`);
  sameSet(contracted.keys(), contracts, 'contracts');
  for (const [id, n] of contracted) assert.equal(n, 1, `purchase ${id} contracted ${n} times`);
  sameSet(accepted.keys(), acceptances, 'acceptances');
  for (const [id, n] of accepted) assert.equal(n, 1, `purchase ${id} accepted ${n} times`);
  for (const id of acceptances) assert.equal(cards.get(id), 2, `purchase ${id} has ${cards.get(id)} cards, not 2`);
  assert.equal(
    [...cards.values()].reduce((a, b) => a + b, 0),
    acceptances.size * 2,
    'cards without an acknowledged acceptance',
  );
  return { plans: plans.size, contracts: contracts.size, acceptances: acceptances.size, cards: acceptances.size * 2 };
}

const NOT_READ_MODELS = new Set(['events', 'streams', 'idempotency_keys', 'api_keys', 'migrations', 'relay_checkpoints']);

/** Every read-model table's rows (every table but the log's, keys' and checkpoints'), sorted. */
export async function readModelSnapshot(env) {
  const tables = (
    await env.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
  )
    .map((r) => r.table_name)
    .filter((t) => !NOT_READ_MODELS.has(t) && !t.includes('checkpoint'))
    .sort();
  const snapshot = {};
  for (const table of tables)
    snapshot[table] = (await env.query(`SELECT to_jsonb(t)::text AS row FROM "${table}" t`)).map((r) => r.row).sort();
  return snapshot;
}

/** The read models as the service left them equal a rebuild from the log (POST /admin/read-models/rebuild). */
export async function assertReadModelsEqualRebuild(env, service) {
  const before = await readModelSnapshot(env);
  const res = await env.call(service)('POST', '/admin/read-models/rebuild');
  assert.ok(res.status === 200 || res.status === 201, `rebuild answered ${res.status} ${JSON.stringify(res.body)}`);
  const after = await readModelSnapshot(env);
  assert.deepEqual(after, before, 'the read models differ from a rebuild from the log');
  return Object.fromEntries(Object.entries(before).map(([t, rows]) => [t, rows.length]));
}

/**
 * Follows GET /events by cursor, as a consumer would, until `stop()`; then until it has seen
 * every event of the log. Resolves the events in the order served.
 */
export function feedFollower({ target, adminKey, env }) {
  const seen = [];
  let stopping = false;
  let pages = 0;
  const done = (async () => {
    let after;
    for (;;) {
      let page;
      try {
        const res = await client(target(), adminKey)('GET', `/events?limit=1000${after ? `&after=${after}` : ''}`);
        if (res.status === 200) page = res.body;
      } catch {
        /* the instance is down: try again */
      }
      if (!page) {
        await sleep(100);
        continue;
      }
      pages++;
      seen.push(...page.events);
      after = page.next;
      if (page.events.length < 1000) {
        if (stopping && seen.length >= Number((await env.query('SELECT count(*)::int AS n FROM events'))[0].n)) return seen;
        await sleep(stopping ? 200 : 20);
      }
    }
  })();
  return {
    get pages() {
      return pages;
    },
    async stop() {
      stopping = true;
      return done;
    },
  };
}

/**
 * The reader saw every committed event exactly once, in the log's documented order (writing
 * transaction, then position). Also counts events served before an earlier version of their own
 * stream (`streamOrderInversions`): the feed's order is by transaction id, which PostgreSQL
 * assigns at a transaction's first write, not when it takes the stream, so it can differ from a
 * stream's version order (see the no-skip test).
 */
export async function assertSawEveryEventOnce(env, seen) {
  const ids = seen.map((e) => e.eventId);
  assert.equal(new Set(ids).size, ids.length, `the reader saw ${ids.length - new Set(ids).size} events twice`);
  const log = (await env.query('SELECT event_id::text AS id FROM events ORDER BY transaction_id, global_position')).map((r) => r.id);
  const served = new Set(ids);
  const missing = log.filter((id) => !served.has(id));
  assert.equal(missing.length, 0, `the reader never saw ${missing.length} committed events`);
  assert.deepEqual(ids, log, 'the reader saw the events in another order than the log');
  const highest = new Map();
  let streamOrderInversions = 0;
  for (const e of seen) {
    if (e.streamVersion < (highest.get(e.streamId) ?? 0)) streamOrderInversions++;
    highest.set(e.streamId, Math.max(e.streamVersion, highest.get(e.streamId) ?? 0));
  }
  return { events: ids.length, streams: highest.size, streamOrderInversions };
}
