import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of the budget reference (projections of the budget-<dept>-<year> streams). */
export class Budget1764028800001 implements MigrationInterface {
  name = 'Budget1764028800001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE budget_projects (
        department   text    NOT NULL,
        budget_year  integer NOT NULL,
        project_code text    NOT NULL,
        name         text    NOT NULL,
        budget_fen   bigint  NOT NULL CHECK (budget_fen >= 0),
        PRIMARY KEY (department, budget_year, project_code)
      )`);
    await db.query(`
      CREATE TABLE budget_lines (
        department    text    NOT NULL,
        budget_year   integer NOT NULL,
        economic_code text    NOT NULL,
        name          text    NOT NULL,
        amount_fen    bigint  NOT NULL CHECK (amount_fen >= 0),
        funding       jsonb,
        PRIMARY KEY (department, budget_year, economic_code)
      )`);
    await db.query(`
      CREATE TABLE budget_declarations (
        department                   text    NOT NULL,
        budget_year                  integer NOT NULL,
        planned_asset_purchases_fen  bigint,
        PRIMARY KEY (department, budget_year)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE budget_declarations`);
    await db.query(`DROP TABLE budget_lines`);
    await db.query(`DROP TABLE budget_projects`);
  }
}
