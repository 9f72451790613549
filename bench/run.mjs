// Benchmarks of the built service (dist/), over real HTTP on a loopback port, on the embedded
// database or — with DATABASE_URL — on a fresh schema of that PostgreSQL (dropped afterwards).
// Usage: npm run bench [-- --purchases 1000 --concurrency 8] [--cards 1000000]
// --cards N adds the asset register at scale: import a generated register of N cards (one
// csv over HTTP), then holdings as of a date, opening a stocktake over them and closing it.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createApp } from '../dist/app.factory.js';
import { loadConfig } from '../dist/config/app-config.js';
import { checkDatabase } from '../dist/database/check-database.js';
import { EventStore } from '../dist/event-log/infrastructure/event-store.js';

const { values: args } = parseArgs({
  options: {
    purchases: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '8' },
    departments: { type: 'string', default: '10' },
    cards: { type: 'string', default: '0' },
  },
});
const CARDS = Number(args.cards);
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

async function call(method, path, body, contentType = 'application/json') {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body,
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const dept = (i) => String(800 + (i % DEPARTMENTS));

/** A generated register export of `n` cards in one department, imported, then counted. */
async function registerAtScale(n) {
  const kinds = [
    ['A02010105', '台式计算机', '1', '台'],
    ['A05010502', '文件柜', '4', '组'],
    ['A02021301', '碎纸机', '1', '个'],
  ];
  const lines = ['资产编号,资产名称,资产分类代码,数量,计量单位,原值,取得日期,取得方式,存放地点,使用状况'];
  for (let i = 0; i < n; i++) {
    const [code, name, quantity, unit] = kinds[i % 3];
    const fen = 100_000 + ((i * 7919) % 900_000);
    const value = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    const acquired = `20${10 + (i % 14)}-0${1 + (i % 9)}-15`;
    lines.push(`BZ-${String(i + 1).padStart(8, '0')},${name},${code},${quantity},${unit},${value},${acquired},购置,${1 + (i % 50)}楼,在用`);
  }
  const file = Buffer.from(lines.join('\r\n'), 'utf8');
  const base = '/departments/899';
  await timed(`import a register of ${n} cards (${(file.length / 1e6).toFixed(0)} MB csv, one request)`, n, async () => {
    const result = await call('POST', `${base}/assets/import`, file, 'text/csv');
    if (result.cards !== n) throw new Error(`imported ${result.cards} of ${n} cards`);
  });
  await timed(`holdings as of a date over ${n} cards`, 20, () =>
    pool(20, 1, (i) => call('GET', `${base}/holdings?asOf=${2014 + (i % 10)}-12-31`)),
  );
  let stocktake;
  await timed(`open a stocktake over ${n} cards`, 1, async () => {
    stocktake = await call('POST', `${base}/stocktakes`, { asOf: '2024-12-31' });
  });
  await timed(`close the stocktake over ${n} cards (uncounted)`, 1, () => call('POST', `/stocktakes/${stocktake.id}/close`));
}
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

  if (CARDS > 0) await registerAtScale(CARDS);
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
