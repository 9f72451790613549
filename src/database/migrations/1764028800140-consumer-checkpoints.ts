import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConsumerCheckpoints1764028800140 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    // A consumer's own position in the feed, kept for it by compare-and-set. `departments` is
    // the scope of the credential that created it (NULL: every department); it is visible only
    // to credentials covering that scope.
    await db.query(`
      CREATE TABLE consumer_checkpoints (
        name            text        NOT NULL PRIMARY KEY,
        departments     text[],
        transaction_id  xid8        NOT NULL,
        position        bigint      NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        updated_by      text        NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE consumer_checkpoints`);
  }
}
