import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyExpiry1764028800006 implements MigrationInterface {
  name = 'IdempotencyExpiry1764028800006';

  async up(db: QueryRunner): Promise<void> {
    // The hourly sweep deletes keys older than the TTL; without this it scans the whole table.
    await db.query(`CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX idempotency_keys_created_at_idx`);
  }
}
