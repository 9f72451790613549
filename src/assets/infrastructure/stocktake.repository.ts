import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Fen } from '../../common/money/money.js';
import { type AssetCategoryName, storedCategory } from '../domain/asset-category.js';
import type { CategoryFigures } from '../domain/category-figures.js';
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

const ITEM_COLUMNS = `i.asset_id, i.category, i.quantity::text AS quantity, i.value_fen::text AS value_fen, k.found,
  k.found_quantity::text AS found_quantity, k.note`;

/** What selects a stocktake's cards: its snapshot (opened by reference), or null for the cards its event listed. */
type ScopeRef = { stocktakeId: string; department: string; asOf: string; snapshot: string | null };

/**
 * The stocktake's cards as rows (asset_id, asset_no, category, quantity, value_fen and the card's
 * current name, location, custodian, unit), its parameters appended to `params`. Opened by
 * reference (StocktakeOpened v2), they are the department's cards whose registering transaction
 * the opening snapshot saw, acquired on or before asOf and not disposed of by then in a
 * transaction it saw: the membership the opening statement summed, whatever commits later, and
 * the same in a rebuild (the cards keep their writing transactions). The book columns are the
 * card's own, which no event changes after registration (number, category, quantity, original
 * value), so they are the book as of the opening; an event that changed them would have to keep
 * the scope's values. A plain subquery, so the planner flattens it into the caller's query and
 * uses the card indexes (by number for the sheet, by id for a batch of counts).
 */
function scopeOf(ref: ScopeRef, params: unknown[]): string {
  const at = (value: unknown) => `$${params.push(value)}`;
  if (ref.snapshot === null) {
    return `SELECT l.asset_id, l.asset_no, l.category, l.quantity, l.value_fen, c.name, c.location, c.custodian, c.unit
      FROM stocktake_items l LEFT JOIN asset_cards c ON c.asset_id = l.asset_id WHERE l.stocktake_id = ${at(ref.stocktakeId)}`;
  }
  const department = at(ref.department);
  const asOf = at(ref.asOf);
  const snapshot = at(ref.snapshot);
  return `SELECT asset_id, asset_no, category, quantity, value_fen, name, location, custodian, unit FROM asset_cards
    WHERE department = ${department} AND acquired_on <= ${asOf}::date
      AND (registered_xid IS NULL OR pg_visible_in_snapshot(registered_xid, ${snapshot}::pg_snapshot))
      AND (disposed_on IS NULL OR disposed_on > ${asOf}::date
           OR (disposed_xid IS NOT NULL AND NOT pg_visible_in_snapshot(disposed_xid, ${snapshot}::pg_snapshot)))`;
}

/** The scope's cards `i` with their latest counts `k` (absent: not counted yet). */
function countedScope(ref: ScopeRef, params: unknown[]): string {
  const scope = scopeOf(ref, params);
  return `(${scope}) i LEFT JOIN stocktake_counts k ON k.stocktake_id = $${params.push(ref.stocktakeId)} AND k.asset_id = i.asset_id`;
}

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
              s.scope_cards::text AS items, k.counted::text AS counted, k.not_found::text AS not_found,
              (SELECT count(*) FROM stocktake_surpluses u WHERE u.stocktake_id = s.stocktake_id)::text AS surplus_items
       FROM stocktakes s
       CROSS JOIN LATERAL (
         SELECT count(*) AS counted, count(*) FILTER (WHERE NOT found) AS not_found
         FROM stocktake_counts WHERE stocktake_id = s.stocktake_id
       ) k
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
    const ref = await this.scopeRef(db, stocktakeId);
    if (!ref) return [];
    const params: unknown[] = [];
    const from = countedScope(ref, params);
    const rows: ItemSqlRow[] =
      assetIds === null
        ? await db.query(`SELECT ${ITEM_COLUMNS} FROM ${from} ORDER BY i.asset_no, i.asset_id`, params)
        : await db.query(`SELECT ${ITEM_COLUMNS} FROM ${from} WHERE i.asset_id = ANY($${params.push(assetIds)}::uuid[])`, params);
    return rows.map(itemRow);
  }

  /**
   * What closing needs: the scope's book by category, and the cards not counted exactly as booked
   * (not counted, or found with another quantity: a card not found counts 0), in the order
   * items() lists them. The sums and the filter run in the database, so closing over a million
   * counted cards sends it the exceptions, not a million rows.
   */
  async closing(db: EntityManager, stocktakeId: string): Promise<{ book: CategoryFigures; items: StocktakeItemRow[] }> {
    const ref = await this.scopeRef(db, stocktakeId);
    if (!ref) return { book: new Map(), items: [] };
    const bookParams: unknown[] = [];
    const sums: Array<{ category: string; count: string; value_fen: string }> = await db.query(
      `SELECT i.category, sum(i.quantity)::text AS count, sum(i.value_fen)::text AS value_fen FROM (${scopeOf(ref, bookParams)}) i
       GROUP BY i.category`,
      bookParams,
    );
    const params: unknown[] = [];
    const rows: ItemSqlRow[] = await db.query(
      `SELECT ${ITEM_COLUMNS} FROM ${countedScope(ref, params)}
       WHERE k.found IS NULL OR COALESCE(CASE WHEN k.found THEN k.found_quantity END, 0) <> i.quantity
       ORDER BY i.asset_no, i.asset_id`,
      params,
    );
    return {
      book: new Map(sums.map((r) => [storedCategory(r.category), { count: BigInt(r.count), value: BigInt(r.value_fen) }])),
      items: rows.map(itemRow),
    };
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
    const ref = await this.scopeRef(db, stocktakeId);
    if (!ref) return new Map();
    const params: unknown[] = [];
    const scope = scopeOf(ref, params);
    const rows: Array<{ asset_no: string; asset_id: string }> = await db.query(
      `SELECT i.asset_no, i.asset_id FROM (${scope}) i WHERE i.asset_no = ANY($${params.push(assetNos)}::text[])`,
      params,
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
    after?: string,
  ): Promise<{ items: SheetRowRecord[]; total: number }> {
    const ref = await this.scopeRef(db, stocktakeId);
    if (!ref) return { items: [], total: 0 };
    // Only the filters given become conditions: without a status filter the counts are not needed
    // to count the lines, and without any filter the total is the scope's size, kept at opening.
    const condition = (params: unknown[]) => {
      const where = ['TRUE'];
      if (filter.location !== undefined) where.push(`i.location = $${params.push(filter.location)}`);
      if (filter.custodian !== undefined) where.push(`i.custodian = $${params.push(filter.custodian)}`);
      if (filter.category !== undefined) where.push(`i.category = $${params.push(filter.category)}`);
      if (filter.status !== undefined)
        where.push({ uncounted: 'k.found IS NULL', found: 'k.found', missing: 'NOT k.found' }[filter.status]);
      return where.join(' AND ');
    };
    const unfiltered = Object.values(filter).every((value) => value === undefined);
    const countParams: unknown[] = [];
    const total = unfiltered
      ? ref.cards
      : Number(
          (
            await db.query<Array<{ total: string }>>(
              `SELECT count(*)::text AS total FROM ${countedScope(ref, countParams)} WHERE ${condition(countParams)}`,
              countParams,
            )
          )[0].total,
        );
    const params: unknown[] = [];
    const columns = `${ITEM_COLUMNS}, i.asset_no, i.name, i.location, i.custodian, i.unit`;
    // The total counts the whole filtered sheet; `after` only says where this page starts.
    const where = (params: unknown[]) => condition(params) + (after === undefined ? '' : ` AND i.asset_no > $${params.push(after)}`);
    // Without a status filter the page is cut from the scope alone and only its rows are joined to
    // their counts: the rows OFFSET skips are read from the card index and dropped, instead of each
    // being joined first (100,000 cards on PGlite, 200 pages of 500: 73 s before).
    const sql =
      filter.status === undefined
        ? `SELECT ${columns} FROM (
             SELECT i.* FROM (${scopeOf(ref, params)}) i WHERE ${where(params)}
             ORDER BY i.asset_no OFFSET $${params.push(offset)} LIMIT $${params.push(limit)}) i
           LEFT JOIN stocktake_counts k ON k.stocktake_id = $${params.push(ref.stocktakeId)} AND k.asset_id = i.asset_id
           ORDER BY i.asset_no`
        : `SELECT ${columns} FROM ${countedScope(ref, params)} WHERE ${where(params)}
           ORDER BY i.asset_no OFFSET $${params.push(offset)} LIMIT $${params.push(limit)}`;
    const rows: Array<
      ItemSqlRow & { asset_no: string; name: string; location: string | null; custodian: string | null; unit: string | null }
    > = await db.query(sql, params);
    return {
      total,
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

  /** Cards counted against cards in scope, by category and by the cards' current location, in one pass over the scope. */
  async progress(db: EntityManager, stocktakeId: string): Promise<{ byCategory: ProgressRow[]; byLocation: ProgressRow[] }> {
    const ref = await this.scopeRef(db, stocktakeId);
    if (!ref) return { byCategory: [], byLocation: [] };
    type Row = { kind: 'category' | 'location'; key: string | null; cards: string; counted: string };
    const params: unknown[] = [];
    const rows: Row[] = await db.query(
      `SELECT CASE WHEN GROUPING(i.category) = 0 THEN 'category' ELSE 'location' END AS kind,
              CASE WHEN GROUPING(i.category) = 0 THEN i.category ELSE i.location END AS key,
              count(*)::text AS cards, count(k.found)::text AS counted
       FROM ${countedScope(ref, params)}
       GROUP BY GROUPING SETS ((i.category), (i.location))
       ORDER BY 1, 2 NULLS LAST`,
      params,
    );
    const of = (kind: Row['kind']) =>
      rows.filter((r) => r.kind === kind).map((r) => ({ key: r.key, cards: Number(r.cards), counted: Number(r.counted) }));
    return { byCategory: of('category'), byLocation: of('location') };
  }

  /** After a large batch of counts: the sheet's and the counts' plans need the table's real size. */
  async analyze(tx: EntityManager): Promise<void> {
    await tx.query(`ANALYZE stocktake_counts`);
  }

  private async scopeRef(db: EntityManager, stocktakeId: string): Promise<(ScopeRef & { cards: number }) | null> {
    const rows: Array<{ department: string; as_of: string; scope_snapshot: string | null; scope_cards: number }> = await db.query(
      `SELECT department, as_of::text AS as_of, scope_snapshot, scope_cards FROM stocktakes WHERE stocktake_id = $1`,
      [stocktakeId],
    );
    const r = rows[0];
    return r ? { stocktakeId, department: r.department, asOf: r.as_of, snapshot: r.scope_snapshot, cards: r.scope_cards } : null;
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
