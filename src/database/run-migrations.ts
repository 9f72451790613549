import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

/**
 * Applies the pending migrations on a connection of its own and closes it: what the cluster
 * primary does once before it forks the workers (which start with `migrate: false`).
 * Returns the names of the migrations applied.
 */
export async function runMigrations(config: AppConfig): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(config), migrationsRun: false });
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
