import type { MigrationInterface, QueryRunner } from 'typeorm';

// The funding sources as of this migration (common/funding/funding.ts), frozen here.
const SOURCES = ['general_budget', 'gov_fund', 'state_capital', 'fiscal_special_account', 'unit_funds', 'carry_over'];

/**
 * The sums cross-checks judge a department-year on, kept by the purchases projection (one row per
 * group, changed by each purchase event's difference) instead of summed over every live purchase
 * at each evaluation: a plan then costs the same after 10,000 plans in its department-year as
 * after one. `kind` 'group' rows are keyed by project, type, economic line and capitalization;
 * 'suspect' rows by catalog code, project and a unit price under 100.00 元 with a fraction.
 * A key part that does not apply to the kind is NULL, hence NULLS NOT DISTINCT (PostgreSQL 15).
 */
export class PurchaseCheckTotals1764028800210 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE purchase_check_totals (
        department text NOT NULL,
        budget_year int NOT NULL,
        kind text NOT NULL CHECK (kind IN ('group', 'suspect')),
        project_code text NOT NULL,
        procurement_type text,
        economic_code text,
        capitalizable boolean,
        catalog_code text,
        unit_price_fen bigint,
        count int NOT NULL,
        amount_fen bigint NOT NULL,
        ${SOURCES.map((s) => `${s}_fen bigint NOT NULL`).join(',\n        ')}
      )`);
    await db.query(`
      CREATE UNIQUE INDEX purchase_check_totals_key ON purchase_check_totals
        (department, budget_year, kind, project_code, procurement_type, economic_code, capitalizable, catalog_code, unit_price_fen)
        NULLS NOT DISTINCT`);
    const sums = SOURCES.map((s) => `coalesce(sum(round((funding->>'${s}')::numeric * 100)), 0)`).join(', ');
    const zeros = SOURCES.map(() => '0').join(', ');
    await db.query(`
      INSERT INTO purchase_check_totals
      SELECT department, budget_year, 'group', project_code, procurement_type, economic_code, capitalizable, NULL, NULL,
             count(*), sum(amount_fen), ${sums}
      FROM purchases WHERE status <> 'cancelled'
      GROUP BY department, budget_year, project_code, procurement_type, economic_code, capitalizable
      UNION ALL
      SELECT department, budget_year, 'suspect', project_code, NULL, NULL, NULL, catalog_code, unit_price_fen,
             count(*), 0, ${zeros}
      FROM purchases
      WHERE status <> 'cancelled' AND procurement_type = 'goods' AND unit_price_fen > 0 AND unit_price_fen < 10000
        AND unit_price_fen % 100 <> 0
      GROUP BY department, budget_year, catalog_code, project_code, unit_price_fen`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE purchase_check_totals`);
  }
}
