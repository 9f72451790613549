import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { checkDatabase } from '../../src/database/check-database.js';
import type { TestApp } from './test-app.js';

/**
 * A database that outlives the apps started on it, for crash-and-restart tests: a PGlite data
 * folder on disk, or — when DATABASE_URL is set — a schema of that PostgreSQL. `start()` boots
 * a whole application on it; the TestApp's close() stops that app only and keeps the data, as a
 * crashed process would; `dispose()` deletes the database at the end of the suite.
 */
export interface DurableDatabase {
  start(env?: Record<string, string>): Promise<TestApp>;
  dispose(): Promise<void>;
}

export async function durableDatabase(): Promise<DurableDatabase> {
  const url = process.env.DATABASE_URL;
  const schema = url ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const folder = url ? undefined : await mkdtemp(join(tmpdir(), 'register-durable-'));
  const adminToken = `test-admin-${randomBytes(16).toString('hex')}`;
  return {
    async start(env = {}) {
      const config = loadConfig({
        LOG_LEVEL: 'silent',
        BOOTSTRAP_ADMIN_KEY: adminToken,
        ...(url ? { DATABASE_URL: url, DB_SCHEMA: schema!, DB_POOL_SIZE: '8' } : { DATA_DIR: folder! }),
        ...env,
      });
      await checkDatabase(config);
      const app = await createApp(config);
      await app.init();
      return {
        app,
        config,
        dataSource: app.get(DataSource),
        adminToken,
        server: () => app.getHttpServer(),
        close: () => app.close(),
      };
    },
    async dispose() {
      if (folder) await rm(folder, { recursive: true, force: true });
      if (url && schema) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
    },
  };
}
