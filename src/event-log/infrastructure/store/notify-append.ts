import type { AppConfig } from '../../../config/app-config.js';

/**
 * The PostgreSQL channel on which commits that appended are announced: one per schema, so that
 * services sharing a database but not a log (test schemas) do not wake each other. The append's
 * statement queues the NOTIFY (append-to-stream.ts): PostgreSQL delivers it at COMMIT only (never
 * for a rollback) and folds repeats within one transaction into one, so every instance listening
 * wakes its live tail and relay once per commit.
 */
export const appendChannel = (config: Pick<AppConfig, 'DB_SCHEMA'>) => `register_events_${config.DB_SCHEMA ?? 'public'}`.slice(0, 63);
