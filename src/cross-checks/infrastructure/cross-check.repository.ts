import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { findingKey } from '../domain/cross-check-change.js';
import { FINDING_RULES, type Finding } from '../domain/finding.js';
import { crossCheckStreamId } from './cross-check-stream.js';

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
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [crossCheckStreamId(department, budgetYear)]);
  }

  /** The current findings: the fold of the department-year's CrossCheckChanged events. */
  async findings(tx: EntityManager, department: string, budgetYear: number): Promise<Finding[]> {
    const rows: Array<{ finding: Finding }> = await tx.query(
      `SELECT finding FROM cross_check_findings WHERE department = $1 AND budget_year = $2 ORDER BY finding_key`,
      [department, budgetYear],
    );
    return rows.map((r) => r.finding).sort((a, b) => FINDING_RULES.indexOf(a.rule) - FINDING_RULES.indexOf(b.rule));
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
