import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { yuanToFen } from '../../common/money/money.js';
import type { PurchaseRecord, PurchaseSummary } from '../domain/purchase.summary.js';
import type { ProcurementType, PurchaseStatus } from '../domain/purchase.state.js';
import { purchaseCheckGroups } from './purchase-check-groups.js';

export interface PurchaseFilter {
  projectCode?: string;
  catalogCode?: string;
  status?: PurchaseStatus;
}

/** Amounts of the live (not cancelled) purchases of a department-year, for totals. */
export interface PurchaseAmounts {
  projectCode: string;
  procurementType: ProcurementType;
  amount: bigint;
  smeReserved: bigint;
  funding: Record<string, string>;
}

/** A live purchase's plan as checks need it (cross-checks), money in fen. */
export interface LivePurchase {
  purchaseId: string;
  projectCode: string;
  catalogCode: string;
  procurementType: ProcurementType;
  economicCode: string | null;
  unitPrice: bigint;
  amount: bigint;
  funding: Record<string, string>;
}

/** A live purchase's plan, for comparing a published table with the register. */
export interface LivePlan {
  purchaseId: string;
  version: number;
  status: PurchaseStatus;
  plan: PurchaseSummary['plan'];
}

interface Row {
  purchase_id: string;
  version: number;
  department: string;
  budget_year: number;
  summary: PurchaseSummary;
}

const toRecord = (r: Row): PurchaseRecord => ({
  id: r.purchase_id,
  version: r.version,
  department: r.department,
  budgetYear: r.budget_year,
  summary: r.summary,
});

/**
 * The purchases read model. `current*` reads are for queries only (the data source's own
 * connection, never inside a command); the others take the caller's transaction.
 */
@Injectable()
export class PurchaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  async currentById(id: string): Promise<PurchaseRecord | null> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT purchase_id, version, department, budget_year, summary FROM purchases WHERE purchase_id = $1`,
      [id],
    );
    return rows.length ? toRecord(rows[0]) : null;
  }

  async currentPage(
    department: string,
    year: number,
    filter: PurchaseFilter,
    offset: number,
    limit: number,
  ): Promise<{ items: PurchaseRecord[]; total: number }> {
    const params: unknown[] = [department, year, filter.projectCode ?? null, filter.catalogCode ?? null, filter.status ?? null];
    const where = `department = $1 AND budget_year = $2
      AND ($3::text IS NULL OR project_code = $3) AND ($4::text IS NULL OR catalog_code = $4)
      AND ($5::text IS NULL OR status = $5)`;
    const [{ total }]: Array<{ total: string }> = await this.dataSource.query(
      `SELECT count(*)::text AS total FROM purchases WHERE ${where}`,
      params,
    );
    const rows: Row[] = await this.dataSource.query(
      `SELECT purchase_id, version, department, budget_year, summary FROM purchases WHERE ${where}
       ORDER BY planned_at, purchase_id OFFSET $6 LIMIT $7`,
      [...params, offset, limit],
    );
    return { items: rows.map(toRecord), total: Number(total) };
  }

  currentLiveAmounts(department: string, year: number): Promise<PurchaseAmounts[]> {
    return this.liveAmounts(this.dataSource.manager, department, year);
  }

  /** Amounts of the live purchases of a department-year, in the caller's transaction. */
  async liveAmounts(tx: EntityManager, department: string, year: number): Promise<PurchaseAmounts[]> {
    const rows: Array<{
      project_code: string;
      procurement_type: PurchaseAmounts['procurementType'];
      amount_fen: string;
      sme_reserved_fen: string;
      funding: Record<string, string>;
    }> = await tx.query(
      `SELECT project_code, procurement_type, amount_fen, sme_reserved_fen, funding FROM purchases
       WHERE department = $1 AND budget_year = $2 AND status <> 'cancelled'`,
      [department, year],
    );
    return rows.map((r) => ({
      projectCode: r.project_code,
      procurementType: r.procurement_type,
      amount: BigInt(r.amount_fen),
      smeReserved: BigInt(r.sme_reserved_fen),
      funding: r.funding,
    }));
  }

  /** The sums cross-checks judge a department-year on (purchase-check-groups.ts), in the caller's transaction. */
  checkGroups(tx: EntityManager, department: string, year: number, listPurchases: boolean) {
    return purchaseCheckGroups(tx, department, year, listPurchases);
  }

  /** Live (not cancelled) purchases of a department-year, inside the caller's transaction. */
  async live(tx: EntityManager, department: string, year: number): Promise<LivePurchase[]> {
    const rows: Array<{
      purchase_id: string;
      project_code: string;
      catalog_code: string;
      procurement_type: LivePurchase['procurementType'];
      economic_code: string | null;
      unit_price: string;
      amount_fen: string;
      funding: Record<string, string>;
    }> = await tx.query(
      `SELECT purchase_id, project_code, catalog_code, procurement_type, economic_code,
              summary->'plan'->>'unitPrice' AS unit_price, amount_fen, funding
       FROM purchases WHERE department = $1 AND budget_year = $2 AND status <> 'cancelled'
       ORDER BY planned_at, purchase_id`,
      [department, year],
    );
    return rows.map((r) => ({
      purchaseId: r.purchase_id,
      projectCode: r.project_code,
      catalogCode: r.catalog_code,
      procurementType: r.procurement_type,
      economicCode: r.economic_code,
      unitPrice: yuanToFen(r.unit_price),
      amount: BigInt(r.amount_fen),
      funding: r.funding,
    }));
  }

  currentLivePlans(department: string, year: number): Promise<LivePlan[]> {
    return this.livePlans(this.dataSource.manager, department, year);
  }

  /** Live purchases of a department-year with their whole plan as events carry it, in planning order. */
  async livePlans(tx: EntityManager, department: string, year: number): Promise<LivePlan[]> {
    const rows: Array<{ purchase_id: string; version: number; summary: PurchaseSummary }> = await tx.query(
      `SELECT purchase_id, version, summary FROM purchases
       WHERE department = $1 AND budget_year = $2 AND status <> 'cancelled'
       ORDER BY planned_at, purchase_id`,
      [department, year],
    );
    return rows.map((r) => ({ purchaseId: r.purchase_id, version: r.version, status: r.summary.status, plan: r.summary.plan }));
  }
}
