import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { FUNDING_SOURCES, type FundingSource, type FundingSplit } from '../../common/funding/funding.js';
import type { Fen } from '../../common/money/money.js';
import { prepared } from '../../database/sql.js';

export interface ProjectRow {
  projectCode: string;
  name: string;
  budget: Fen;
}

export interface BudgetLineRow {
  economicCode: string;
  name: string;
  amount: Fen;
  funding: Record<string, string> | null;
}

export interface BudgetReference {
  projects: ProjectRow[];
  lines: BudgetLineRow[];
  plannedAssetPurchases: Fen | null;
  /** Null until declared; declared sources with a zero amount are left out. */
  income: FundingSplit | null;
}

/**
 * Reads of the budget read models. Inside a command every read takes the command's transaction;
 * `currentReference` is for queries only.
 */
@Injectable()
export class BudgetRepository {
  constructor(private readonly dataSource: DataSource) {}

  async project(tx: EntityManager, department: string, year: number, projectCode: string): Promise<ProjectRow | null> {
    const rows: Array<{ project_code: string; name: string; budget_fen: string }> = await tx.query(PROJECT, [
      department,
      year,
      projectCode,
    ]);
    return rows.length ? { projectCode: rows[0].project_code, name: rows[0].name, budget: BigInt(rows[0].budget_fen) } : null;
  }

  currentReference(department: string, year: number): Promise<BudgetReference> {
    return this.reference(this.dataSource.manager, department, year);
  }

  async reference(tx: EntityManager, department: string, year: number): Promise<BudgetReference> {
    // One round trip for the four tables: cross-checks read this inside every planning command.
    const [row]: Array<{ reference: BudgetReferenceRow }> = await tx.query(`SELECT ${BUDGET_REFERENCE_JSON} AS reference`, [
      department,
      year,
    ]);
    return budgetReferenceFrom(row.reference);
  }
}

/** BUDGET_REFERENCE_JSON's value as the driver hands it back (json is parsed, amounts are text). */
export interface BudgetReferenceRow {
  projects: Array<{ project_code: string; name: string; budget_fen: string }>;
  lines: Array<{ economic_code: string; name: string; amount_fen: string; funding: Record<string, string> | null }>;
  planned: string | null;
  income: Array<{ source: FundingSource; amount_fen: string }> | null;
}

/**
 * A department-year's budget facts as one JSON value, a scalar subquery of $1 (department) and
 * $2 (budget year): so that a read needing them with other facts (the cross-checks' evaluation,
 * under its lock) carries them in its own statement instead of a round trip of their own.
 * Amounts are text: a JSON number would come back as a float.
 */
export const BUDGET_REFERENCE_JSON = `(SELECT row_to_json(r) FROM (SELECT
     (SELECT coalesce(json_agg(json_build_object('project_code', project_code, 'name', name, 'budget_fen', budget_fen::text)
                               ORDER BY project_code), '[]'::json)
      FROM budget_projects WHERE department = $1 AND budget_year = $2) AS projects,
     (SELECT coalesce(json_agg(json_build_object('economic_code', economic_code, 'name', name, 'amount_fen', amount_fen::text,
                                                 'funding', funding) ORDER BY economic_code), '[]'::json)
      FROM budget_lines WHERE department = $1 AND budget_year = $2) AS lines,
     (SELECT planned_asset_purchases_fen::text FROM budget_declarations WHERE department = $1 AND budget_year = $2) AS planned,
     (SELECT json_agg(json_build_object('source', source, 'amount_fen', amount_fen::text))
      FROM budget_income WHERE department = $1 AND budget_year = $2) AS income) r)`;

export function budgetReferenceFrom({ projects, lines, planned, income }: BudgetReferenceRow): BudgetReference {
  return {
    projects: projects.map((p) => ({ projectCode: p.project_code, name: p.name, budget: BigInt(p.budget_fen) })),
    lines: lines.map((l) => ({ economicCode: l.economic_code, name: l.name, amount: BigInt(l.amount_fen), funding: l.funding })),
    plannedAssetPurchases: planned === null ? null : BigInt(planned),
    income: income === null ? null : incomeSplit(income),
  };
}

function incomeSplit(rows: ReadonlyArray<{ source: FundingSource; amount_fen: string }>): FundingSplit {
  const split: FundingSplit = {};
  for (const source of FUNDING_SOURCES) {
    const fen = BigInt(rows.find((r) => r.source === source)?.amount_fen ?? '0');
    if (fen > 0n) split[source] = fen;
  }
  return split;
}

const PROJECT = prepared(`
  SELECT project_code, name, budget_fen FROM budget_projects WHERE department = $1 AND budget_year = $2 AND project_code = $3`);
