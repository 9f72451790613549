import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The declared income by funding source (budget reference) and the current cross-check
 * findings of each department-year (projection of the cross-checks-<dept>-<year> streams).
 */
export class CrossChecks1764028800004 implements MigrationInterface {
  name = 'CrossChecks1764028800004';

  async up(db: QueryRunner): Promise<void> {
    // One row per funding source, zeros included, once declared: no rows = not declared.
    await db.query(`
      CREATE TABLE budget_income (
        department   text    NOT NULL,
        budget_year  integer NOT NULL,
        source       text    NOT NULL,
        amount_fen   bigint  NOT NULL CHECK (amount_fen >= 0),
        PRIMARY KEY (department, budget_year, source)
      )`);
    // finding_key is a digest of the finding's identity (rule, refs, amounts): the identity
    // itself can name hundreds of purchases, too long for a btree key.
    await db.query(`
      CREATE TABLE cross_check_findings (
        department   text    NOT NULL,
        budget_year  integer NOT NULL,
        finding_key  text    NOT NULL,
        rule         text    NOT NULL,
        severity     text    NOT NULL,
        finding      jsonb   NOT NULL,
        PRIMARY KEY (department, budget_year, finding_key)
      )`);
    // GET …/cross-checks reports the newest position of a department-year's events.
    await db.query(`CREATE INDEX events_department_year_idx ON events (department, budget_year, global_position)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX events_department_year_idx`);
    await db.query(`DROP TABLE cross_check_findings`);
    await db.query(`DROP TABLE budget_income`);
  }
}
