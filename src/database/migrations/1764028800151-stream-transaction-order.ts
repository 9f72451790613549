import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transaction id a stream's newest events are filed under in the feed. A transaction's xid
 * is assigned at its first write, which can come before it waits for a stream's row lock: a
 * writer with an older xid could then append a stream's later version, and the feed, ordered by
 * transaction id, served that version before the earlier one. Each append files its events
 * under the greater of its own xid and this column (see append-to-stream.ts).
 */
export class StreamTransactionOrder1764028800151 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE streams ADD COLUMN last_transaction_id xid8`);
    await db.query(`
      UPDATE streams s SET last_transaction_id = (
        SELECT e.transaction_id FROM events e WHERE e.stream_id = s.stream_id ORDER BY e.stream_version DESC LIMIT 1)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE streams DROP COLUMN last_transaction_id`);
  }
}
