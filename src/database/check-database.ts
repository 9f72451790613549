import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';

/**
 * Fails fast, before Nest starts, with one line a person can act on — instead of TypeORM's
 * retry loop and a stack trace. Also creates DB_SCHEMA so migrations have somewhere to go.
 */
export async function checkDatabase(config: AppConfig): Promise<void> {
  if (!config.DATABASE_URL) return;
  let where: string;
  try {
    const url = new URL(config.DATABASE_URL);
    where = `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  } catch {
    throw new DatabaseUnavailableError('DATABASE_URL is not a valid URL');
  }
  const client = new pg.Client({ connectionString: config.DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    if (config.DB_SCHEMA) await client.query(`CREATE SCHEMA IF NOT EXISTS "${config.DB_SCHEMA}"`);
  } catch (err) {
    const reason = err instanceof Error ? err.message || ((err as { code?: string }).code ?? 'error') : String(err);
    throw new DatabaseUnavailableError(`Cannot use ${where}: ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export class DatabaseUnavailableError extends Error {}
