import type { EntityManager } from 'typeorm';

/**
 * Today as the budget units keep their books: the calendar day in China (UTC+8), so a disposal
 * entered at 07:00 in Beijing is not "in the future" on a server running on UTC. Read from the
 * database clock — the one that stamps `occurredAt`/`recordedAt` — so every instance agrees on
 * the day and an event is never dated after the day it was recorded. Inside a command `db` is
 * its transaction (now() is the transaction's start).
 */
export async function businessToday(db: EntityManager): Promise<string> {
  const rows: Array<{ today: string }> = await db.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS today`);
  return rows[0].today;
}
