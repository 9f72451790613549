import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model of planned purchases (projection of the purchase-<id> streams). */
export class Purchases1764028800002 implements MigrationInterface {
  name = 'Purchases1764028800002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE purchases (
        purchase_id       uuid        NOT NULL PRIMARY KEY,
        department        text        NOT NULL,
        budget_year       integer     NOT NULL,
        version           integer     NOT NULL,
        status            text        NOT NULL,
        project_code      text        NOT NULL,
        catalog_code      text        NOT NULL,
        procurement_type  text        NOT NULL,
        economic_code     text,
        amount_fen        bigint      NOT NULL,
        sme_reserved_fen  bigint      NOT NULL,
        funding           jsonb       NOT NULL,
        summary           jsonb       NOT NULL,
        planned_at        timestamptz NOT NULL,
        updated_at        timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX purchases_scope_idx ON purchases (department, budget_year, project_code)`);
    await db.query(`CREATE INDEX purchases_catalog_idx ON purchases (department, budget_year, catalog_code)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE purchases`);
  }
}
