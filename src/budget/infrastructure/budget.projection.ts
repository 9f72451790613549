import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FUNDING_SOURCES } from '../../common/funding/funding.js';
import { yuanToFen } from '../../common/money/money.js';
import type { Projection, StoredEvent } from '../../event-log/index.js';
import { budgetEvents } from '../domain/budget.events.js';

@Injectable()
export class BudgetProjection implements Projection {
  readonly name = 'budget';
  readonly tables = ['budget_projects', 'budget_lines', 'budget_declarations', 'budget_income'] as const;

  async apply(tx: EntityManager, stored: StoredEvent): Promise<void> {
    const event = budgetEvents.decodeIfOurs(stored);
    if (!event) return;
    const key = [stored.department, stored.budgetYear];
    switch (event.type) {
      case 'ProjectRegistered':
        await tx.query(
          `INSERT INTO budget_projects (department, budget_year, project_code, name, budget_fen) VALUES ($1, $2, $3, $4, $5)`,
          [...key, event.data.projectCode, event.data.name, yuanToFen(event.data.budget).toString()],
        );
        return;
      case 'ProjectRevised': {
        const { name, budget } = event.data.changes;
        await tx.query(
          `UPDATE budget_projects SET name = COALESCE($4, name), budget_fen = COALESCE($5::bigint, budget_fen)
           WHERE department = $1 AND budget_year = $2 AND project_code = $3`,
          [...key, event.data.projectCode, name?.to ?? null, budget ? yuanToFen(budget.to).toString() : null],
        );
        return;
      }
      case 'BudgetLineSet':
        await tx.query(
          `INSERT INTO budget_lines (department, budget_year, economic_code, name, amount_fen, funding)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb)
           ON CONFLICT (department, budget_year, economic_code)
           DO UPDATE SET name = EXCLUDED.name, amount_fen = EXCLUDED.amount_fen, funding = EXCLUDED.funding`,
          [
            ...key,
            event.data.economicCode,
            event.data.name,
            yuanToFen(event.data.amount).toString(),
            event.data.funding === null ? null : JSON.stringify(event.data.funding),
          ],
        );
        return;
      case 'PlannedAssetPurchasesDeclared':
        await tx.query(
          `INSERT INTO budget_declarations (department, budget_year, planned_asset_purchases_fen) VALUES ($1, $2, $3)
           ON CONFLICT (department, budget_year) DO UPDATE SET planned_asset_purchases_fen = EXCLUDED.planned_asset_purchases_fen`,
          [...key, yuanToFen(event.data.amount).toString()],
        );
        return;
      case 'IncomeDeclared': {
        // Every source gets a row, zero included: rows present = income declared, and a
        // declaration replaces the previous one whole.
        await tx.query(`DELETE FROM budget_income WHERE department = $1 AND budget_year = $2`, key);
        const income = event.data.income;
        await tx.query(
          `INSERT INTO budget_income (department, budget_year, source, amount_fen)
           SELECT $1, $2, source, amount_fen FROM unnest($3::text[], $4::bigint[]) AS s(source, amount_fen)`,
          [
            ...key,
            [...FUNDING_SOURCES],
            FUNDING_SOURCES.map((source) => (income[source] === undefined ? '0' : yuanToFen(income[source]).toString())),
          ],
        );
        return;
      }
    }
  }
}
