// npm run bench [-- --quick] [-- --only plan-purchase,feed] [-- --database postgres|pglite] [-- --workers n]
// Starts the built service (dist/main.js) as its own process on a fresh PostgreSQL database and
// again on an embedded PGlite, drives it over HTTP with autocannon, prints every figure beside its
// target and writes bench/results.json. See bench/README.md.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { freshPglite, freshPostgres } from './lib/databases.mjs';
import { newAdminKey, startService } from './lib/service.mjs';
import { PENDING, PENDING_TARGETS, SCENARIOS } from './scenarios/index.mjs';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    database: { type: 'string' },
    seconds: { type: 'string' },
    workers: { type: 'string' },
  },
});
const quick = args.quick;
const seconds = Number(args.seconds ?? (quick ? 5 : 30));
const only = args.only?.split(',');
// Service processes on PostgreSQL (WORKERS; PGlite is always one). The 32 connections are the
// service's in total, split over its processes, so that 1 and n workers are compared at one size.
const WORKERS = Number(args.workers ?? 1);
const POOL_SIZE = 32;

// Exactly the keys of issue #16; a figure nobody measured stays null.
const results = {
  postgres: {
    planPurchaseHttp: null,
    planPurchaseOneDepartment: null,
    rawPgSameTransaction: null,
    ratioToRaw: null,
    getPurchaseHttp: null,
    feedHttpEventsPerSec: null,
    feedStoreEventsPerSec: null,
    tailLatencyP99Ms: null,
    sseSubscribers: null,
    assetImport: null,
    holdingsQueryMs: null,
    stocktakeOpenMs: null,
    reconcile: null,
    depreciationMonth: null,
  },
  pglite: { coldStartToSeedCheckedSeconds: null, rssMb: null, planPurchaseHttp: null },
  node: process.version,
  cpus: availableParallelism(),
  workers: WORKERS,
  at: new Date().toISOString(),
  commit: commit(),
};
const reasons = { postgres: { ...PENDING.postgres }, pglite: { ...PENDING.pglite } };
const targets = {
  ...PENDING_TARGETS,
  ratioToRaw: { text: '≥ 0.25 (goal 0.4)', min: 0.25 },
  'planPurchaseOneDepartment.commandsPerSec': { text: '≥ 0.8 × planPurchaseHttp', atLeast: ['planPurchaseHttp.commandsPerSec', 0.8] },
};
const log = (line) => console.error(`[bench] ${line}`);
let failed = false;

function commit() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return null;
  }
}

async function onDatabase(kind) {
  const scenarios = SCENARIOS.filter((s) => s.meta.databases.includes(kind) && (!only || only.includes(s.name)));
  for (const s of scenarios)
    Object.assign(targets, Object.fromEntries(Object.entries(s.meta.targets).map(([k, v]) => [`${kind}:${k}`, v])));
  if (scenarios.length === 0) return;
  const database = kind === 'postgres' ? await freshPostgres(process.env.BENCH_DB_PREFIX ?? 'bench') : freshPglite('bench');
  const adminKey = newAdminKey();
  log(`${kind}: starting the service (${database.name ?? database.dir})`);
  const workers = kind === 'postgres' ? WORKERS : 1;
  const env = { ...database.env, WORKERS: String(workers), DB_POOL_SIZE: String(Math.ceil(POOL_SIZE / workers)) };
  const service = await startService({ env, adminKey });
  try {
    for (const scenario of scenarios) {
      log(`${kind}: ${scenario.name}`);
      const t0 = performance.now();
      try {
        const figures = await scenario.default({
          baseUrl: service.baseUrl,
          adminKey,
          databaseUrl: database.url,
          quick,
          database: kind,
          poolSize: POOL_SIZE,
          seconds,
          service,
          figures: results[kind],
          log,
        });
        Object.assign(results[kind], figures);
      } catch (error) {
        failed = true;
        log(`${kind}: ${scenario.name} FAILED: ${error.stack ?? error}`);
        for (const key of Object.keys(scenario.meta.targets).map((k) => k.split('.')[0])) reasons[kind][key] = `failed: ${error.message}`;
      }
      log(`${kind}: ${scenario.name} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await service.stop();
    await database.dispose();
  }
}

const started = performance.now();
for (const kind of ['postgres', 'pglite']) if (!args.database || args.database === kind) await onDatabase(kind);
const pg = results.postgres;
if (pg.planPurchaseHttp && pg.rawPgSameTransaction?.tps) {
  pg.ratioToRaw = Number((pg.planPurchaseHttp.commandsPerSec / pg.rawPgSameTransaction.tps).toFixed(3));
}

writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
printTable();
console.log(
  `\n${quick ? 'quick run' : 'full run'} (${seconds} s per HTTP measurement) in ${((performance.now() - started) / 1000).toFixed(0)} s; ` +
    `node ${results.node}, ${results.cpus} cpus (${cpus()[0]?.model ?? '?'}), WORKERS=${WORKERS} on PostgreSQL, ` +
    `commit ${results.commit}; written to bench/results.json`,
);
process.exit(failed ? 1 : 0);

function leaves(prefix, value) {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(`${prefix}.${k}`, v));
  return [[prefix, value]];
}

function verdict(kind, key, value) {
  const target =
    targets[key] ??
    targets[`${kind}:${key}`] ??
    (value === null ? Object.entries(targets).find(([k]) => k.replace(/^\w+:/, '').startsWith(`${key}.`))?.[1] : undefined);
  if (!target) return { text: '—', mark: '' };
  if (value === null || value === undefined) return { text: target.text, mark: '' };
  let ok = null;
  if (target.max !== undefined) ok = value <= target.max;
  if (target.min !== undefined) ok = value >= target.min;
  if (target.atLeast) {
    const [other, factor] = target.atLeast;
    const base = other.split('.').reduce((o, k) => o?.[k], results[kind]);
    if (typeof base === 'number') ok = value >= base * factor;
  }
  return { text: target.text, mark: ok === null ? '' : ok ? 'met' : 'MISSED' };
}

function printTable() {
  const rows = [['database', 'figure', 'measured', 'target', '']];
  for (const kind of ['postgres', 'pglite']) {
    for (const [key, value] of Object.entries(results[kind])) {
      if (value === null) {
        rows.push([kind, key, 'null', verdict(kind, key, null).text, reasons[kind][key] ?? 'not measured in this run']);
        continue;
      }
      for (const [path, leaf] of leaves(key, value)) {
        const v = verdict(kind, path, leaf);
        rows.push([kind, path, String(leaf), v.text, v.mark]);
      }
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const line = (r) => r.map((c, i) => c + ' '.repeat(widths[i] - [...c].length)).join('  ');
  console.log('\n' + line(rows[0]) + '\n' + widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}
