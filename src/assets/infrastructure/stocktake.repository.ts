import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Fen } from '../../common/money/money.js';
import { type AssetCategoryName, storedCategory } from '../domain/asset-category.js';
import type { StocktakeClosedData } from '../domain/stocktake.events.js';

export interface StocktakeRecord {
  stocktakeId: string;
  department: string;
  budgetYear: number;
  asOf: string;
  status: 'open' | 'closed';
  version: number;
  openedPosition: string;
  openedAt: Date;
  book: { count: bigint; value: bigint };
  counted: number;
  notFound: number;
  items: number;
  surplusItems: number;
  closedOn: string | null;
  result: StocktakeClosedData | null;
  categoryCounts: CategoryCountRow[];
}

export type CategoryCountRow = { category: AssetCategoryName; count: bigint; value: Fen; note: string | null };

/** Reads of the stocktake read model, with the manager given: a command's transaction or a query's. */
@Injectable()
export class StocktakeRepository {
  async get(db: EntityManager, stocktakeId: string): Promise<StocktakeRecord | null> {
    const rows: Array<{
      stocktake_id: string;
      department: string;
      budget_year: number;
      as_of: string;
      status: 'open' | 'closed';
      version: number;
      opened_position: string;
      opened_at: Date;
      book_count: string;
      book_value_fen: string;
      closed_on: string | null;
      result: StocktakeClosedData | null;
      items: string;
      counted: string;
      not_found: string;
      surplus_items: string;
    }> = await db.query(
      `SELECT s.stocktake_id, s.department, s.budget_year, s.as_of::text AS as_of, s.status, s.version,
              s.opened_position::text AS opened_position, s.opened_at, s.book_count::text AS book_count,
              s.book_value_fen::text AS book_value_fen, s.closed_on::text AS closed_on, s.result,
              i.items::text AS items, i.counted::text AS counted, i.not_found::text AS not_found,
              (SELECT count(*) FROM stocktake_surpluses u WHERE u.stocktake_id = s.stocktake_id)::text AS surplus_items
       FROM stocktakes s
       CROSS JOIN LATERAL (
         SELECT count(*) AS items, count(found) AS counted, count(*) FILTER (WHERE found = false) AS not_found
         FROM stocktake_items WHERE stocktake_id = s.stocktake_id
       ) i
       WHERE s.stocktake_id = $1`,
      [stocktakeId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      stocktakeId: r.stocktake_id,
      department: r.department,
      budgetYear: r.budget_year,
      asOf: r.as_of,
      status: r.status,
      version: r.version,
      openedPosition: r.opened_position,
      openedAt: new Date(r.opened_at),
      book: { count: BigInt(r.book_count), value: BigInt(r.book_value_fen) },
      items: Number(r.items),
      counted: Number(r.counted),
      notFound: Number(r.not_found),
      surplusItems: Number(r.surplus_items),
      closedOn: r.closed_on,
      result: r.result,
      categoryCounts: await this.categoryCounts(db, stocktakeId),
    };
  }

  /** The closed stocktake a year is reconciled against: the latest asOf in the year, then the latest closed. */
  async latestClosed(
    db: EntityManager,
    department: string,
    year: number,
  ): Promise<(StocktakeClosedData & { categoryCounts: CategoryCountRow[] }) | null> {
    const rows: Array<{ result: StocktakeClosedData }> = await db.query(
      `SELECT result FROM stocktakes WHERE department = $1 AND budget_year = $2 AND status = 'closed'
       ORDER BY as_of DESC, closed_position DESC LIMIT 1`,
      [department, year],
    );
    const result = rows[0]?.result;
    return result ? { ...result, categoryCounts: await this.categoryCounts(db, result.stocktakeId) } : null;
  }

  /** Uncarded items counted by category. */
  async categoryCounts(db: EntityManager, stocktakeId: string): Promise<CategoryCountRow[]> {
    const rows: Array<{ category: string; count: string; value_fen: string; note: string | null }> = await db.query(
      `SELECT category, count::text AS count, value_fen::text AS value_fen, note FROM stocktake_category_counts WHERE stocktake_id = $1`,
      [stocktakeId],
    );
    return rows.map((r) => ({ category: storedCategory(r.category), count: BigInt(r.count), value: BigInt(r.value_fen), note: r.note }));
  }
}
