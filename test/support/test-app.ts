import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import type { AppOptions } from '../../src/app.module.js';
import { type AppConfig, loadConfig } from '../../src/config/app-config.js';
import { checkDatabase } from '../../src/database/check-database.js';
import { PGLITE_IN_MEMORY } from '../../src/database/data-source-options.js';
import { eventsBreakingTheirSchema } from './event-schemas.js';
import { recordResponses, responseMismatches } from './response-schemas.js';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  /** The secret of the admin key the app was started with (BOOTSTRAP_ADMIN_KEY). */
  adminToken: string;
  /** The express server, for supertest. */
  server: () => ReturnType<NestExpressApplication['getHttpServer']>;
  close(): Promise<void>;
}

/**
 * A whole application on a database of its own: an in-memory PGlite, or — when DATABASE_URL is
 * set — a fresh schema on that PostgreSQL, dropped again on close. Suites never share state.
 */
export async function startTestApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TestApp> {
  const url = process.env.DATABASE_URL;
  const schema = url ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const adminToken = env.BOOTSTRAP_ADMIN_KEY ?? `test-admin-${randomBytes(16).toString('hex')}`;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    BOOTSTRAP_ADMIN_KEY: adminToken,
    ...(url ? { DATABASE_URL: url, DB_SCHEMA: schema!, DB_POOL_SIZE: '8' } : { DATA_DIR: PGLITE_IN_MEMORY }),
    ...env,
  });
  await checkDatabase(config);
  const app = await createApp(config, options);
  const responses = recordResponses(app);
  await app.init();
  const dataSource = app.get(DataSource);
  return {
    app,
    config,
    dataSource,
    adminToken,
    server: () => app.getHttpServer(),
    async close() {
      // Every suite proves, on its way out, that each event it wrote names who wrote it.
      const unattributed = await eventsWithoutActor(dataSource);
      // …that each one is what its published JSON Schema promises…
      const offContract = await eventsBreakingTheirSchema(dataSource);
      // …and that none was recorded before it occurred.
      const backwards = await eventsRecordedBeforeOccurring(dataSource);
      // …and that every answer it received is one the OpenAPI document describes.
      const undocumented = responseMismatches(await documentOf(app, adminToken), responses);
      await app.close();
      if (url && schema) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
      if (backwards.length > 0) throw new Error(`Events with recordedAt before occurredAt: ${JSON.stringify(backwards)}`);
      if (unattributed.length > 0) {
        throw new Error(`Events without an authenticated actor in their metadata: ${JSON.stringify(unattributed)}`);
      }
      if (offContract.length > 0) throw new Error(`Events that do not match their published JSON Schema:\n${offContract.join('\n')}`);
      if (undocumented.length > 0) throw new Error(`Answers the OpenAPI document does not describe:\n${undocumented.join('\n')}`);
    },
  };
}

async function documentOf(app: NestExpressApplication, token: string) {
  return (await request(app.getHttpServer()).get('/docs-json').set('Authorization', `Bearer ${token}`).expect(200)).body as object;
}

/** Events whose metadata lacks an actor id, or names a kind that is not a real caller. */
async function eventsWithoutActor(dataSource: DataSource): Promise<unknown[]> {
  return dataSource.query(
    `SELECT global_position::text AS position, type, metadata->'actor' AS actor FROM events
     WHERE coalesce(metadata->'actor'->>'id', '') = ''
        OR coalesce(metadata->'actor'->>'kind', '') NOT IN ('api_key', 'user', 'system')
     ORDER BY global_position LIMIT 20`,
  );
}

async function eventsRecordedBeforeOccurring(dataSource: DataSource): Promise<unknown[]> {
  return dataSource.query(
    `SELECT global_position::text AS position, type, occurred_at AS "occurredAt", recorded_at AS "recordedAt" FROM events
     WHERE recorded_at < occurred_at ORDER BY global_position LIMIT 20`,
  );
}

export const onPostgres = (): boolean => Boolean(process.env.DATABASE_URL);
