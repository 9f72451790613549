import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { BUDGET_REFERENCE_JSON, type BudgetReferenceRow } from '../../budget/index.js';
import { PURCHASE_CHECK_GROUPS_JSON, type PurchaseCheckGroupRow } from '../../procurement/index.js';
import { departmentYearLockSql } from '../../database/department-year-lock.js';
import { prepared } from '../../database/sql.js';
import { findingKey } from '../domain/cross-check-change.js';
import { FINDING_RULES, type Finding } from '../domain/finding.js';

/** The primary key of a finding's row: its identity is too long to index as is. */
export const findingDigest = (finding: Finding) => createHash('sha256').update(findingKey(finding)).digest('hex');

@Injectable()
export class CrossCheckRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Serializes evaluations of one department-year until the transaction ends. Whoever waits
   * here then reads (READ COMMITTED: each later statement takes a new snapshot) everything the
   * previous holder committed, its purchases and its CrossCheckChanged alike, so concurrent
   * writers never evaluate on stale findings nor race for the cross-check stream's version.
   */
  async lock(tx: EntityManager, department: string, budgetYear: number): Promise<void> {
    await tx.query(`SELECT ${departmentYearLockSql('$1::text', '$2::int')}`, [department, budgetYear]);
  }

  /**
   * What an evaluation reads under the lock, in one statement: the current findings, the budget's
   * facts and the live purchases' sums (their SQL is the budget and procurement repositories',
   * carried here as scalar subqueries so the lock is held across one read, not three).
   */
  async evaluationFacts(
    tx: EntityManager,
    department: string,
    budgetYear: number,
  ): Promise<{ findings: Finding[]; reference: BudgetReferenceRow; groups: PurchaseCheckGroupRow[] }> {
    const [row]: Array<{ findings: Finding[]; reference: BudgetReferenceRow; groups: PurchaseCheckGroupRow[] }> = await tx.query(
      EVALUATION_FACTS,
      [department, budgetYear],
    );
    return { ...row, findings: byRule(row.findings) };
  }

  /** The newest global position among the department-year's events (0 when it has none). */
  async position(tx: EntityManager, department: string, budgetYear: number): Promise<string> {
    const [{ position }]: Array<{ position: string }> = await tx.query(
      `SELECT COALESCE(MAX(global_position), 0)::text AS position FROM events WHERE department = $1 AND budget_year = $2`,
      [department, budgetYear],
    );
    return position;
  }

  /** Runs `work` on one snapshot of the whole database, so every read agrees with the others. */
  snapshot<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', work);
  }
}

const EVALUATION_FACTS = prepared(`
  SELECT (SELECT coalesce(json_agg(finding ORDER BY finding_key), '[]'::json)
          FROM cross_check_findings WHERE department = $1 AND budget_year = $2) AS findings,
         ${BUDGET_REFERENCE_JSON} AS reference,
         ${PURCHASE_CHECK_GROUPS_JSON} AS groups`);

const byRule = (findings: Finding[]) => findings.sort((a, b) => FINDING_RULES.indexOf(a.rule) - FINDING_RULES.indexOf(b.rule));
