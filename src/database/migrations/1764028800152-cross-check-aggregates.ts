import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { canonical } from '../../common/json/canonical.js';

/**
 * Cross-checks sum purchases in SQL (CrossChecked groups) instead of loading each one, so the
 * purchases read model keeps what they sum by: the planned unit price in fen and whether the
 * item is a fixed asset at that price (judged by the projection with the configured thresholds;
 * rows written before this migration are judged by `POST /admin/read-models/rebuild`).
 *
 * Findings no longer list purchase ids (CrossCheckChanged v3): the stored findings lose theirs
 * and are keyed again by the digest of what is left, the form the upcasted events fold to.
 */
export class CrossCheckAggregates1764028800152 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE purchases ADD COLUMN unit_price_fen bigint, ADD COLUMN capitalizable boolean NOT NULL DEFAULT false`);
    await db.query(`UPDATE purchases SET unit_price_fen = round((summary->'plan'->>'unitPrice')::numeric * 100)::bigint`);
    await db.query(`ALTER TABLE purchases ALTER COLUMN unit_price_fen SET NOT NULL`);
    // The sums of one department-year by the columns the rules group on; live rows only.
    await db.query(`
      CREATE INDEX purchases_check_idx ON purchases (department, budget_year, procurement_type, economic_code, project_code)
      WHERE status <> 'cancelled'`);

    const rows: Array<{ department: string; budget_year: number; finding_key: string; finding: { refs: Record<string, unknown> } }> =
      await db.query(`SELECT department, budget_year, finding_key, finding FROM cross_check_findings`);
    for (const row of rows) {
      if (!('purchaseIds' in row.finding.refs)) continue;
      const { purchaseIds: _ids, ...refs } = row.finding.refs;
      const finding = { ...row.finding, refs };
      await db.query(`DELETE FROM cross_check_findings WHERE department = $1 AND budget_year = $2 AND finding_key = $3`, [
        row.department,
        row.budget_year,
        row.finding_key,
      ]);
      await db.query(
        `INSERT INTO cross_check_findings (department, budget_year, finding_key, rule, severity, finding)
         SELECT $1, $2, $3, rule, severity, $4::jsonb FROM (VALUES ($5, $6)) AS f(rule, severity)
         ON CONFLICT DO NOTHING`,
        [
          row.department,
          row.budget_year,
          createHash('sha256').update(canonical(finding)).digest('hex'),
          JSON.stringify(finding),
          (finding as { rule?: string }).rule,
          (finding as { severity?: string }).severity,
        ],
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX purchases_check_idx`);
    await db.query(`ALTER TABLE purchases DROP COLUMN unit_price_fen, DROP COLUMN capitalizable`);
  }
}
