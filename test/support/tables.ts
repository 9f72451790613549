import type { DataSource } from 'typeorm';
import { ProjectionRegistry } from '../../src/event-log/infrastructure/projection-registry.js';
import type { TestApp } from './test-app.js';

/** Every read-model table's rows, in a stable order, for before/after comparisons. */
export async function readModelSnapshot(t: TestApp): Promise<Record<string, unknown[]>> {
  const tables = t.app
    .get(ProjectionRegistry)
    .all()
    .flatMap((p) => p.tables);
  const snapshot: Record<string, unknown[]> = {};
  for (const table of tables) snapshot[table] = await rowsOf(t.dataSource, table);
  return snapshot;
}

async function rowsOf(dataSource: DataSource, table: string): Promise<unknown[]> {
  const rows: Array<{ row: string }> = await dataSource.query(`SELECT to_jsonb(t)::text AS row FROM "${table}" t`);
  return rows.map((r) => r.row).sort();
}

export async function eventCount(t: TestApp): Promise<number> {
  const [{ n }]: Array<{ n: string }> = await t.dataSource.query(`SELECT count(*)::text AS n FROM events`);
  return Number(n);
}
