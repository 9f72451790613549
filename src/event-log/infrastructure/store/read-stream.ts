import type { EntityManager } from 'typeorm';
import { prepared } from '../../../database/sql.js';
import type { StoredEvent } from '../../domain/event.js';
import { EVENT_COLUMNS, type EventRow, toStoredEvent } from './event-rows.js';

/**
 * A stream in version order; up to `toVersion` when given (projections replaying history).
 * Inside a command `db` is the command's transaction, so the version it ends at is the one the
 * append will expect: a writer that commits in between fails that expectation.
 */
export async function readStream(db: EntityManager, streamId: string, toVersion?: number): Promise<StoredEvent[]> {
  const rows: EventRow[] = await db.query(READ_STREAM, [streamId, toVersion ?? Number.MAX_SAFE_INTEGER]);
  return rows.map(toStoredEvent);
}

const READ_STREAM = prepared(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version <= $2 ORDER BY stream_version`);
