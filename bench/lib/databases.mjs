// The two databases every run measures: a fresh PostgreSQL database (dropped afterwards) and an
// embedded PGlite in a temporary folder (deleted afterwards).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, databaseUrl, dropDatabase } from '../../scripts/ci/pg-admin.mjs';

/** BENCH_PG_TEMPLATE: start from a copy of that database instead of an empty one (see asset-register-scale). */
export async function freshPostgres(prefix = 'bench', template = process.env.BENCH_PG_TEMPLATE || undefined) {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await createDatabase(name, template);
  const url = databaseUrl(name);
  return { kind: 'postgres', name, url, env: { DATABASE_URL: url }, dispose: () => dropDatabase(name) };
}

export function freshPglite(prefix = 'bench') {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-pglite-`));
  return { kind: 'pglite', dir, url: null, env: { DATA_DIR: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}
