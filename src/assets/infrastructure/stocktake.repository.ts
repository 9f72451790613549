import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Fen } from '../../common/money/money.js';
import { type AssetCategoryName, storedCategory } from '../domain/asset-category.js';
import type { StocktakeClosedData } from '../domain/stocktake.events.js';
import type { SurplusItem } from '../domain/stocktake.state.js';

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
  /** Read only when asked (GET /stocktakes/:id): grouping a million cards is not every command's business. */
  breakdown?: { byCategory: ProgressRow[]; byLocation: ProgressRow[] };
}

/** What a decision on a stocktake starts from, read from its table (not its stream) and locked. */
export interface StocktakeHeader {
  stocktakeId: string;
  department: string;
  budgetYear: number;
  asOf: string;
  status: 'open' | 'closed';
  version: number;
  result: StocktakeClosedData | null;
}

/** A card in a stocktake's scope with its latest count (found null: not counted yet). */
export interface StocktakeItemRow {
  assetId: string;
  category: AssetCategoryName;
  quantity: bigint;
  value: Fen;
  found: boolean | null;
  foundQuantity: bigint | null;
  note: string | null;
}

export type SheetStatus = 'uncounted' | 'found' | 'missing';
export interface SheetFilter {
  location?: string;
  custodian?: string;
  category?: AssetCategoryName;
  status?: SheetStatus;
}

/** A line of the count sheet: the card as the register holds it now, its book in the scope, its latest count. */
export interface SheetRowRecord {
  assetId: string;
  assetNo: string;
  name: string;
  category: AssetCategoryName;
  location: string | null;
  custodian: string | null;
  unit: string | null;
  quantity: bigint;
  value: Fen;
  found: boolean | null;
  foundQuantity: bigint | null;
  note: string | null;
}

/** Counted against total, by one grouping of the scope. */
export interface ProgressRow {
  key: string | null;
  cards: number;
  counted: number;
}

type ItemSqlRow = {
  asset_id: string;
  category: string;
  quantity: string;
  value_fen: string;
  found: boolean | null;
  found_quantity: string | null;
  note: string | null;
};

const itemRow = (r: ItemSqlRow): StocktakeItemRow => ({
  assetId: r.asset_id,
  category: storedCategory(r.category),
  quantity: BigInt(r.quantity),
  value: BigInt(r.value_fen),
  found: r.found,
  foundQuantity: r.found_quantity === null ? null : BigInt(r.found_quantity),
  note: r.note,
});

const ITEM_COLUMNS = `asset_id, category, quantity::text AS quantity, value_fen::text AS value_fen, found,
  found_quantity::text AS found_quantity, note`;

export type CategoryCountRow = { category: AssetCategoryName; count: bigint; value: Fen; note: string | null };

/** Reads of the stocktake read model, with the manager given: a command's transaction or a query's. */
@Injectable()
export class StocktakeRepository {
  async get(db: EntityManager, stocktakeId: string, withBreakdown = false): Promise<StocktakeRecord | null> {
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
      ...(withBreakdown ? { breakdown: await this.progress(db, stocktakeId) } : {}),
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

  /**
   * The stocktake a command decides on, its row locked until the transaction ends: commands on
   * one stocktake take turns here rather than on its stream, which they do not read.
   */
  async lockHeader(tx: EntityManager, stocktakeId: string): Promise<StocktakeHeader | null> {
    return this.header(tx, stocktakeId, 'FOR UPDATE');
  }

  /** The stocktake's own row, without its counts (a query's access check). */
  async header(db: EntityManager, stocktakeId: string, lock: 'FOR UPDATE' | '' = ''): Promise<StocktakeHeader | null> {
    const rows: Array<{
      stocktake_id: string;
      department: string;
      budget_year: number;
      as_of: string;
      status: 'open' | 'closed';
      version: number;
      result: StocktakeClosedData | null;
    }> = await db.query(
      `SELECT stocktake_id, department, budget_year, as_of::text AS as_of, status, version, result
       FROM stocktakes WHERE stocktake_id = $1 ${lock}`,
      [stocktakeId],
    );
    const r = rows[0];
    return r
      ? {
          stocktakeId: r.stocktake_id,
          department: r.department,
          budgetYear: r.budget_year,
          asOf: r.as_of,
          status: r.status,
          version: r.version,
          result: r.result,
        }
      : null;
  }

  /** Cards of the scope with their latest counts: those of `assetIds`, or all of them (null). */
  async items(db: EntityManager, stocktakeId: string, assetIds: readonly string[] | null): Promise<StocktakeItemRow[]> {
    const rows: ItemSqlRow[] =
      assetIds === null
        ? await db.query(`SELECT ${ITEM_COLUMNS} FROM stocktake_items WHERE stocktake_id = $1 ORDER BY asset_no, asset_id`, [stocktakeId])
        : await db.query(`SELECT ${ITEM_COLUMNS} FROM stocktake_items WHERE stocktake_id = $1 AND asset_id = ANY($2::uuid[])`, [
            stocktakeId,
            assetIds,
          ]);
    return rows.map(itemRow);
  }

  /** Items found without a card, in the order they were recorded. */
  async surpluses(db: EntityManager, stocktakeId: string): Promise<SurplusItem[]> {
    const rows: Array<{
      item_id: string;
      name: string;
      catalog_code: string;
      category: string;
      quantity: string;
      estimated_value_fen: string;
      note: string | null;
    }> = await db.query(
      `SELECT item_id, name, catalog_code, category, quantity::text AS quantity, estimated_value_fen::text AS estimated_value_fen, note
       FROM stocktake_surpluses WHERE stocktake_id = $1 ORDER BY item_id`,
      [stocktakeId],
    );
    return rows.map((r) => ({
      itemId: r.item_id,
      name: r.name,
      catalogCode: r.catalog_code,
      category: storedCategory(r.category),
      quantity: BigInt(r.quantity),
      estimatedValue: BigInt(r.estimated_value_fen),
      note: r.note,
    }));
  }

  /** The asset ids of the scope's cards by 资产编号 (for a filled-in sheet); numbers not in scope are absent. */
  async idsByAssetNo(db: EntityManager, stocktakeId: string, assetNos: readonly string[]): Promise<Map<string, string>> {
    if (assetNos.length === 0) return new Map();
    const rows: Array<{ asset_no: string; asset_id: string }> = await db.query(
      `SELECT asset_no, asset_id FROM stocktake_items WHERE stocktake_id = $1 AND asset_no = ANY($2::text[])`,
      [stocktakeId, assetNos],
    );
    return new Map(rows.map((r) => [r.asset_no, r.asset_id]));
  }

  /**
   * A page of the count sheet in 资产编号 order (unique within the department, so pages neither
   * repeat nor skip a card). Name, location and custodian are the card's current ones: where to
   * look for it today.
   */
  async sheet(
    db: EntityManager,
    stocktakeId: string,
    filter: SheetFilter,
    offset: number,
    limit: number | null,
  ): Promise<{ items: SheetRowRecord[]; total: number }> {
    const params: unknown[] = [
      stocktakeId,
      filter.location ?? null,
      filter.custodian ?? null,
      filter.category ?? null,
      filter.status ?? null,
    ];
    const ofItem = `i.stocktake_id = $1 AND ($4::text IS NULL OR i.category = $4)
      AND ($5::text IS NULL OR ($5 = 'uncounted' AND i.found IS NULL) OR ($5 = 'found' AND i.found) OR ($5 = 'missing' AND NOT i.found))`;
    const ofCard = `($2::text IS NULL OR c.location = $2) AND ($3::text IS NULL OR c.custodian = $3)`;
    // Without a location or custodian filter the scope alone is paged and only the page's cards
    // are joined: paging a million-card sheet must not join a million rows for every page.
    const byCard = filter.location !== undefined || filter.custodian !== undefined;
    const scoped = byCard
      ? `SELECT i.* FROM stocktake_items i JOIN asset_cards c ON c.asset_id = i.asset_id WHERE ${ofItem} AND ${ofCard}`
      : `SELECT i.* FROM stocktake_items i WHERE ${ofItem} AND $2::text IS NULL AND $3::text IS NULL`;
    const [{ total }]: Array<{ total: string }> = await db.query(`SELECT count(*)::text AS total FROM (${scoped}) s`, params);
    const rows: Array<
      ItemSqlRow & { asset_no: string; name: string; location: string | null; custodian: string | null; unit: string | null }
    > = await db.query(
      `SELECT i.asset_id, i.asset_no, c.name, i.category, c.location, c.custodian, c.unit, i.quantity::text AS quantity,
              i.value_fen::text AS value_fen, i.found, i.found_quantity::text AS found_quantity, i.note
       FROM (${scoped} ORDER BY i.asset_no OFFSET $6 LIMIT $7) i JOIN asset_cards c ON c.asset_id = i.asset_id
       ORDER BY i.asset_no`,
      [...params, offset, limit],
    );
    return {
      total: Number(total),
      items: rows.map((r) => ({
        ...itemRow(r),
        assetNo: r.asset_no,
        name: r.name,
        location: r.location,
        custodian: r.custodian,
        unit: r.unit,
      })),
    };
  }

  /** Cards counted against cards in scope, by category and by the cards' current location. */
  async progress(db: EntityManager, stocktakeId: string): Promise<{ byCategory: ProgressRow[]; byLocation: ProgressRow[] }> {
    type Row = { kind: 'category' | 'location'; key: string | null; cards: string; counted: string };
    const rows: Row[] = await db.query(
      `SELECT 'category' AS kind, category AS key, count(*)::text AS cards, count(found)::text AS counted
       FROM stocktake_items WHERE stocktake_id = $1 GROUP BY category
       UNION ALL
       SELECT 'location', c.location, count(*)::text, count(i.found)::text
       FROM stocktake_items i JOIN asset_cards c ON c.asset_id = i.asset_id WHERE i.stocktake_id = $1 GROUP BY c.location
       ORDER BY 1, 2 NULLS LAST`,
      [stocktakeId],
    );
    const of = (kind: Row['kind']) =>
      rows.filter((r) => r.kind === kind).map((r) => ({ key: r.key, cards: Number(r.cards), counted: Number(r.counted) }));
    return { byCategory: of('category'), byLocation: of('location') };
  }

  /** After a large scope is filled in: the sheet's and the counts' plans need its real size. */
  async analyze(tx: EntityManager): Promise<void> {
    await tx.query(`ANALYZE stocktake_items`);
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
