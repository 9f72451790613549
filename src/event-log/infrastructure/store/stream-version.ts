import type { EntityManager } from 'typeorm';

/** The stream's current version, or null when it does not exist. */
export async function streamVersion(db: EntityManager, streamId: string): Promise<number | null> {
  const rows: Array<{ version: string }> = await db.query(`SELECT version FROM streams WHERE stream_id = $1`, [streamId]);
  return rows.length ? Number(rows[0].version) : null;
}
