import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../../config/app-config.js';

/**
 * The PostgreSQL channel on which commits that appended are announced: one per schema, so that
 * services sharing a database but not a log (test schemas) do not wake each other.
 */
export const appendChannel = (config: Pick<AppConfig, 'DB_SCHEMA'>) => `register_events_${config.DB_SCHEMA ?? 'public'}`.slice(0, 63);

/**
 * Queues a NOTIFY in the appending transaction: PostgreSQL delivers it at COMMIT only (never for
 * a rollback) and folds repeats within one transaction into one, so every instance listening
 * wakes its live tail and relay once per commit.
 */
export async function notifyAppend(tx: EntityManager, channel: string): Promise<void> {
  await tx.query(`SELECT pg_notify($1, '')`, [channel]);
}
