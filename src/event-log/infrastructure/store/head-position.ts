import type { EntityManager } from 'typeorm';

/**
 * The highest position handed out so far (0 for an empty log). Sequence values of transactions
 * still running count too, so this is a gauge of the log's growth, never a feed cursor.
 */
export async function headPosition(db: EntityManager): Promise<string> {
  const [{ head }]: Array<{ head: string }> = await db.query(`SELECT COALESCE(MAX(global_position), 0)::text AS head FROM events`);
  return head;
}
