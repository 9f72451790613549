// Benchmarks of the built service (dist/), over real HTTP on a loopback port, on the embedded
// database or — with DATABASE_URL — on a fresh schema of that PostgreSQL (dropped afterwards).
// Usage: npm run bench [-- --purchases 1000 --concurrency 8]
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createApp } from '../dist/app.factory.js';
import { loadConfig } from '../dist/config/app-config.js';
import { checkDatabase } from '../dist/database/check-database.js';
import { EventStore } from '../dist/event-log/infrastructure/event-store.js';
import { sseFanout } from './sse-fanout.mjs';

const { values: args } = parseArgs({
  options: {
    purchases: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '8' },
    departments: { type: 'string', default: '10' },
    subscribers: { type: 'string', default: '500' },
    'sse-writes': { type: 'string', default: '100' },
  },
});
const PURCHASES = Number(args.purchases);
const CONCURRENCY = Number(args.concurrency);
const DEPARTMENTS = Number(args.departments);

const url = process.env.DATABASE_URL;
const schema = url ? `bench_${randomBytes(4).toString('hex')}` : undefined;
const token = `bench-admin-${randomBytes(16).toString('hex')}`;
const config = loadConfig({
  LOG_LEVEL: 'silent',
  BOOTSTRAP_ADMIN_KEY: token,
  // Measures the service, not the abuse limits.
  RATE_LIMIT: '1000000',
  ...(url ? { DATABASE_URL: url, DB_SCHEMA: schema, DB_POOL_SIZE: String(Math.max(CONCURRENCY, 2)) } : { DATA_DIR: 'memory://' }),
});

const results = [];
function report(name, count, ms, latencies) {
  const row = { benchmark: name, count, seconds: (ms / 1000).toFixed(2), perSecond: Math.round((count / ms) * 1000) };
  if (latencies?.length) {
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
    Object.assign(row, { p50ms: at(0.5), p95ms: at(0.95), p99ms: at(0.99) });
  }
  results.push(row);
}

/** `count` is a number, or — for work that learns it as it goes — taken from what `work` returns. */
async function timed(name, count, work) {
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  if (count === undefined) report(name, result, ms);
  else report(name, count, ms, result);
}

/** Runs `total` jobs with at most `width` in flight; returns each job's latency in ms. */
async function pool(total, width, job) {
  const latencies = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, total) }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await job(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies;
}

await checkDatabase(config);
const app = await createApp(config);
await app.listen(0, '127.0.0.1');
const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;

async function call(method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const dept = (i) => String(800 + (i % DEPARTMENTS));
const yearBase = (i) => `/departments/${dept(i)}/years/2024`;
try {
  for (let d = 0; d < DEPARTMENTS; d++) {
    await call('PUT', `${yearBase(d)}/projects/P001`, { name: '日常公用经费', budget: '100000000.00' });
    await call('PUT', `${yearBase(d)}/budget-lines/31002`, { name: '办公设备购置', amount: '1900.00' });
  }

  const ids = [];
  const plan = (i) =>
    call('POST', `${yearBase(i)}/purchases`, {
      projectCode: 'P001',
      itemName: '碎纸机',
      catalogCode: 'A02021301',
      unit: '个',
      quantity: '2',
      unitPrice: '1900.00',
      amount: '3800.00',
      funding: { general_budget: '3800.00' },
    }).then((p) => (ids[i] = p.id));

  await timed(`plan purchase (HTTP, 1 at a time)`, Math.min(200, PURCHASES), () => pool(Math.min(200, PURCHASES), 1, plan));
  await timed(`plan purchase (HTTP, ${CONCURRENCY} in flight)`, PURCHASES, () => pool(PURCHASES, CONCURRENCY, (i) => plan(i + 200)));
  const planned = ids.filter(Boolean);
  await timed(`contract + accept 2 units (HTTP, ${CONCURRENCY} in flight)`, planned.length, () =>
    pool(planned.length, CONCURRENCY, async (i) => {
      await call('POST', `/purchases/${planned[i]}/contract`, {
        supplier: '某公司',
        contractNo: `HT-${i}`,
        amount: '3800.00',
        signedOn: '2024-03-01',
      });
      await call('POST', `/purchases/${planned[i]}/acceptances`, { quantity: '2', amount: '3800.00', acceptedOn: '2024-04-01' });
    }),
  );
  await timed('GET /purchases/:id', 500, () => pool(500, CONCURRENCY, (i) => call('GET', `/purchases/${planned[i % planned.length]}`)));
  await timed('procurement summary of a department-year', 100, () =>
    pool(100, CONCURRENCY, (i) => call('GET', `${yearBase(i)}/procurement-summary`)),
  );

  let served = 0;
  await timed('read the whole feed (pages of 1000)', undefined, async () => {
    let after;
    for (;;) {
      const page = await call('GET', `/events?limit=1000${after ? `&after=${after}` : ''}`);
      served += page.events.length;
      after = page.next;
      if (page.events.length < 1000) break;
    }
    return served;
  });
  // The feed must serve every appended event exactly once: a benchmark that loses events is wrong, not fast.
  const head = Number(await app.get(EventStore).headPosition());
  if (served !== head) throw new Error(`the feed served ${served} events but the log holds ${head}`);

  const SUBSCRIBERS = Number(args.subscribers);
  const WRITES = Number(args['sse-writes']);
  if (SUBSCRIBERS > 0) {
    await call('PUT', '/departments/899/years/2024/projects/P001', { name: '扇出', budget: '1.00' });
    const one = await sseFanout({ app, base, token, call, subscribers: 1, writes: WRITES });
    const many = await sseFanout({ app, base, token, call, subscribers: SUBSCRIBERS, writes: WRITES });
    if (many.delivered !== many.expected) throw new Error(`SSE delivered ${many.delivered} of ${many.expected} events`);
    report(`SSE commit → delivery, ${SUBSCRIBERS} subscribers (deliveries)`, many.latencies.length, 0, many.latencies);
    results.push({
      benchmark: `live tail reads of the log for ${WRITES} writes: 1 subscriber / ${SUBSCRIBERS}`,
      count: `${one.reads} / ${many.reads}`,
    });
  }
} finally {
  await app.close();
  if (url && schema) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}

console.log(`\ndatabase: ${url ? 'PostgreSQL' : 'PGlite (in memory)'}; ${DEPARTMENTS} departments; node ${process.version}`);
console.table(results);
