import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { MIGRATIONS } from './migrations/index.js';
import { pgliteDriver } from './pglite-pool.js';
import { ResilientPgClient } from './resilient-pg-client.js';

export const PGLITE_IN_MEMORY = 'memory://';

/**
 * One TypeORM data source for both engines. There are no entities: SQL is hand-written in
 * repositories and the event store; TypeORM carries connections, transactions and migrations.
 * Schema changes are migrations only (`synchronize` stays off).
 */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: [],
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (config.DATABASE_URL) {
    return {
      ...common,
      url: config.DATABASE_URL,
      poolSize: config.DB_POOL_SIZE,
      connectTimeoutMS: 5000,
      applicationName: 'procurement-asset-register',
      ...(config.DB_SCHEMA ? { schema: config.DB_SCHEMA } : {}),
      extra: {
        Client: ResilientPgClient,
        preparedStatements: config.DB_PREPARED_STATEMENTS === 'on',
        ...(config.DB_SCHEMA ? { options: `-c search_path=${config.DB_SCHEMA}` } : {}),
      },
    };
  }
  const dataDir = config.DATA_DIR === PGLITE_IN_MEMORY ? PGLITE_IN_MEMORY : resolve(config.DATA_DIR, 'pgdata');
  if (dataDir !== PGLITE_IN_MEMORY) mkdirSync(dataDir, { recursive: true });
  return { ...common, database: 'postgres', driver: pgliteDriver({ dataDir }) };
}
