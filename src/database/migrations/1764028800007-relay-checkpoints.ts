import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RelayCheckpoints1764028800007 implements MigrationInterface {
  name = 'RelayCheckpoints1764028800007';

  async up(db: QueryRunner): Promise<void> {
    // How far a relay has delivered the feed: the feed cursor (transaction id, position) of the
    // last event the broker acknowledged. Moved only after the acks, so a crash re-sends, never skips.
    await db.query(`
      CREATE TABLE relay_checkpoints (
        name            text        NOT NULL PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT '0',
        position        bigint      NOT NULL DEFAULT 0,
        relayed         bigint      NOT NULL DEFAULT 0,
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE relay_checkpoints`);
  }
}
