// The statements one plan-purchase command sends, replayed through `pg` with the service's pool
// size and client count: the database's share of a command, so ratioToRaw is the cost of all
// that is not the database (HTTP, auth, validation, decoding, Node).
//
// Capture: a second instance of the service is started on the same database with
// bench/lib/capture-sql.mjs preloaded (it wraps pg.Client#query); one warm-up plan, then the
// statements of exactly one more plan are taken. Replay: each captured connection's statements in
// their order on one pooled connection; every uuid in the parameters is replaced by a fresh one
// per replay (same uuid → same new uuid), so each replay plans a new purchase like the service
// does, and runs the same locks, inserts and cross-check re-evaluation. Stream versions need no
// rewriting: an append computes its events' versions in its own statement (the purchase's stream
// is new, the cross-check stream's append expects "any"). A finding's key (a sha-256) is made
// fresh, as each plan changes the department-year's sums and so its findings. Like the HTTP scenario, replays
// rotate over its 10 department-years (the captured plan's department is swapped), so they contend
// for the same per-department-year lock as the commands do.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { departmentOf, PLAN, seedDepartments, yearPath } from '../lib/fixtures.mjs';
import { startService, strictClient } from '../lib/service.mjs';
import { CLIENTS, DEPARTMENTS } from './plan-purchase.mjs';

export const meta = { databases: ['postgres'], targets: { 'rawPgSameTransaction.tps': { text: '—' } } };

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const SHA256 = /^[0-9a-f]{64}$/;
const CAPTURED_DEPARTMENT = '802';

export async function captureOnePlan({ databaseUrl, adminKey, poolSize }) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-capture-'));
  const file = join(dir, 'statements.jsonl');
  const service = await startService({
    env: { DATABASE_URL: databaseUrl, DB_POOL_SIZE: String(poolSize), CAPTURE_SQL_FILE: file },
    adminKey,
    nodeOptions: ['--import', './bench/lib/capture-sql.mjs'],
  });
  try {
    const call = strictClient(service.baseUrl, adminKey);
    await seedDepartments(call, DEPARTMENTS);
    await call('POST', `${yearPath('801')}/purchases`, PLAN);
    const offset = statSync(file).size;
    await call('POST', `${yearPath(CAPTURED_DEPARTMENT)}/purchases`, PLAN);
    const lines = readFileSync(file).subarray(offset).toString('utf8').trim().split('\n');
    return lines.map((line) => JSON.parse(line));
  } finally {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function withFreshValues(statements, department) {
  const fresh = new Map();
  const swap = (s) =>
    s === CAPTURED_DEPARTMENT
      ? department
      : s
          .replace(UUID, (u) => fresh.get(u.toLowerCase()) ?? fresh.set(u.toLowerCase(), randomUUID()).get(u.toLowerCase()))
          .replace(`-${CAPTURED_DEPARTMENT}-`, `-${department}-`);
  const value = (v) =>
    typeof v === 'string' ? (SHA256.test(v) ? randomBytes(32).toString('hex') : swap(v)) : Array.isArray(v) ? v.map(value) : v;
  return statements.map((s) => ({ ...s, values: s.values.map(value) }));
}

async function replayOnce(pool, statements, department) {
  const held = new Map();
  try {
    for (const s of withFreshValues(statements, department)) {
      if (!held.has(s.client)) held.set(s.client, await pool.connect());
      await held.get(s.client).query(...(s.name ? [{ name: s.name, text: s.text, values: s.values }] : [s.text, s.values]));
    }
  } catch (error) {
    for (const c of held.values()) await c.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    for (const c of held.values()) c.release();
  }
}

export default async function rawPgSameTransaction({ databaseUrl, adminKey, poolSize, seconds, log }) {
  const statements = await captureOnePlan({ databaseUrl, adminKey, poolSize });
  log?.(
    `rawPgSameTransaction: one plan-purchase = ${statements.length} statements on ${new Set(statements.map((s) => s.client)).size} connection(s)`,
  );
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  let done = 0;
  let failed = 0;
  let n = 0;
  let firstError;
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  try {
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < until) {
          try {
            await replayOnce(pool, statements, departmentOf(n++, DEPARTMENTS));
            done++;
          } catch (error) {
            failed++;
            firstError ??= error;
          }
        }
      }),
    );
  } finally {
    await pool.end();
  }
  if (failed > done / 100) throw new Error(`the replay failed ${failed} times (${done} ok): ${firstError?.message}`);
  return { rawPgSameTransaction: { tps: Math.round(done / ((performance.now() - t0) / 1000)) } };
}
