import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Fen } from '../../common/money/money.js';
import { type AssetCategoryName, storedCategory } from '../domain/asset-category.js';
import type { AssetStatus } from '../domain/asset.state.js';
import type { UsageState } from '../domain/asset-vocabulary.js';
import type { CategoryFigures, Figure } from '../domain/category-figures.js';
import type { OpeningScope } from '../domain/stocktake.state.js';

export interface AssetRow {
  asset_id: string;
  department: string;
  budget_year: number | null;
  version: number;
  name: string;
  catalog_code: string;
  catalog_name: string;
  category: string;
  quantity: string;
  unit: string | null;
  value_fen: string;
  unit_value_fen: string;
  acquired_on: string;
  source: string;
  location: string | null;
  custodian: string | null;
  funding: Record<string, string>;
  economic_code: string | null;
  purchase_id: string | null;
  acceptance_id: string | null;
  acceptance_sequence: number | null;
  status: AssetStatus;
  disposed_on: string | null;
  disposal_method: string | null;
  disposal_reason: string | null;
  registered_at: Date;
  asset_no: string;
  brand: string | null;
  model: string | null;
  using_department: string | null;
  finance_entry_date: string | null;
  voucher_no: string | null;
  usage: UsageState;
}

export interface AssetFilter {
  category?: AssetCategoryName;
  status?: AssetStatus;
  /** Name or catalog code contains it (case-insensitive). */
  q?: string;
  /** Exactly this 资产编号. */
  assetNo?: string;
}

/** Dates come back as text so no time zone ever shifts a calendar day. */
const CARD_COLUMNS = `asset_id, department, budget_year, version, name, catalog_code, catalog_name, category, quantity::text AS quantity,
  unit, value_fen::text AS value_fen, unit_value_fen::text AS unit_value_fen, acquired_on::text AS acquired_on, source, location,
  custodian, funding, economic_code, purchase_id, acceptance_id, acceptance_sequence, status, disposed_on::text AS disposed_on,
  disposal_method, disposal_reason, registered_at, asset_no, brand, model, using_department,
  finance_entry_date::text AS finance_entry_date, voucher_no, usage`;

/** The cards of one acceptance of a purchase, for GET /purchases/:id. */
export interface AcceptanceCardsRow {
  purchaseId: string;
  acceptanceId: string;
  quantity: string;
  amount: Fen;
  cardedQuantity: bigint;
  cards: number;
}

/** A card registered from a purchase's acceptance. */
export interface PurchaseCardRow {
  purchaseId: string;
  assetId: string;
  assetNo: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function figures(rows: Array<{ category: string; count: string; value_fen: string }>): Map<AssetCategoryName, Figure> {
  return new Map(rows.map((r) => [storedCategory(r.category), { count: BigInt(r.count), value: BigInt(r.value_fen) }]));
}

/**
 * Reads of the asset read models. Every method reads with the manager it is given, always: a
 * command's transaction, or the one a query handler chose (the pool's, or a snapshot's).
 */
@Injectable()
export class AssetRepository {
  async get(db: EntityManager, assetId: string): Promise<AssetRow | null> {
    const rows: AssetRow[] = await db.query(`SELECT ${CARD_COLUMNS} FROM asset_cards WHERE asset_id = $1`, [assetId]);
    return rows[0] ?? null;
  }

  async list(
    db: EntityManager,
    department: string,
    filter: AssetFilter,
    offset: number,
    limit: number,
  ): Promise<{ items: AssetRow[]; total: number }> {
    const params: unknown[] = [
      department,
      filter.category ?? null,
      filter.status ?? null,
      filter.q ? `%${escapeLike(filter.q)}%` : null,
      filter.assetNo ?? null,
    ];
    const where = `department = $1 AND ($2::text IS NULL OR category = $2) AND ($3::text IS NULL OR status = $3)
      AND ($4::text IS NULL OR name ILIKE $4 OR catalog_code ILIKE $4) AND ($5::text IS NULL OR asset_no = $5)`;
    const [{ total }]: Array<{ total: string }> = await db.query(`SELECT count(*)::text AS total FROM asset_cards WHERE ${where}`, params);
    const items: AssetRow[] = await db.query(
      `SELECT ${CARD_COLUMNS} FROM asset_cards WHERE ${where} ORDER BY acquired_on, asset_id OFFSET $6 LIMIT $7`,
      [...params, offset, limit],
    );
    return { items, total: Number(total) };
  }

  /** The latest opening declaration dated on or before `asOf`. */
  async openingAsOf(db: EntityManager, department: string, asOf: string): Promise<{ asOf: string; figures: CategoryFigures } | null> {
    const rows: Array<{ as_of: string; category: string; count: string; value_fen: string }> = await db.query(
      `SELECT as_of::text AS as_of, category, count::text AS count, value_fen::text AS value_fen FROM asset_opening_holdings
       WHERE department = $1 AND as_of = (SELECT max(as_of) FROM asset_opening_holdings WHERE department = $1 AND as_of <= $2)`,
      [department, asOf],
    );
    return rows.length ? { asOf: rows[0].as_of, figures: figures(rows) } : null;
  }

  /**
   * Cards acquired, and cards disposed of, in (after, to] by category; `after` null means from the
   * beginning. Summed from the per-day totals the asset projection keeps, not from the cards (a
   * province holds millions of them): at most one row per category and day is read.
   */
  async movements(
    db: EntityManager,
    department: string,
    after: string | null,
    to: string,
  ): Promise<{ acquired: CategoryFigures; disposed: CategoryFigures }> {
    type Row = { category: string; acquired_count: string; acquired_fen: string; disposed_count: string; disposed_fen: string };
    const rows: Row[] = await db.query(
      `SELECT category, sum(acquired_count)::text AS acquired_count, sum(acquired_value_fen)::text AS acquired_fen,
              sum(disposed_count)::text AS disposed_count, sum(disposed_value_fen)::text AS disposed_fen
       FROM asset_category_days
       WHERE department = $1 AND day > COALESCE($2::date, '-infinity'::date) AND day <= $3
       GROUP BY category`,
      [department, after, to],
    );
    const side = (count: keyof Row, value: keyof Row) =>
      figures(
        rows
          .filter((r) => r[count] !== '0' || r[value] !== '0')
          .map((r) => ({ category: r.category, count: r[count], value_fen: r[value] })),
      );
    return { acquired: side('acquired_count', 'acquired_fen'), disposed: side('disposed_count', 'disposed_fen') };
  }

  /**
   * The scope of a stocktake opened now, by reference: the cards held as of `asOf` (acquired by
   * then, not disposed of by then) that this statement sees, what they add up to, and the
   * statement's own snapshot, which names exactly those cards (StocktakeOpened v2).
   */
  async scopeAsOf(db: EntityManager, department: string, asOf: string): Promise<OpeningScope> {
    // From the per-day totals, not a scan of a million cards: the cards acquired by asOf less those
    // disposed of by then are the scope's cards (a card is disposed of whole, never before it is
    // acquired), and a card's registration or disposal writes its card and its day in one
    // transaction, so this statement's snapshot sees both or neither.
    const [r]: Array<{ snapshot: string; cards: string; count: string; value_fen: string }> = await db.query(
      `SELECT pg_current_snapshot()::text AS snapshot, COALESCE(sum(acquired_cards - disposed_cards), 0)::text AS cards,
              COALESCE(sum(acquired_count - disposed_count), 0)::text AS count,
              COALESCE(sum(acquired_value_fen - disposed_value_fen), 0)::text AS value_fen
       FROM asset_category_days WHERE department = $1 AND day <= $2`,
      [department, asOf],
    );
    return { snapshot: r.snapshot, cards: Number(r.cards), book: { count: BigInt(r.count), value: BigInt(r.value_fen) } };
  }

  /** A migrated card's data as its AssetsImported event carried it; null for a card that was not imported. */
  async importedCard(db: EntityManager, assetId: string): Promise<{ department: string; card: unknown } | null> {
    // Read out of the event the card points to (its batch of up to 1,000 cards, decompressed
    // whole): the card row keeps no copy, see migration 1764028800220.
    const rows: Array<{ department: string; imported: unknown }> = await db.query(
      `SELECT c.department, ev.data->'cards'->(c.imported_ordinal - 1) AS imported
       FROM asset_cards c JOIN events ev ON ev.global_position = c.imported_position
       WHERE c.asset_id = $1`,
      [assetId],
    );
    return rows[0] ? { department: rows[0].department, card: rows[0].imported } : null;
  }

  /** Which of `numbers` are already cards' numbers in the department. */
  async takenAssetNos(db: EntityManager, department: string, numbers: readonly string[]): Promise<Set<string>> {
    if (numbers.length === 0) return new Set();
    // As one JSON text, not a text[]: the driver escapes an array element by element, which for a
    // million-card register took 1.6–2.0 s of the check against 0.8–0.9 s this way.
    const rows: Array<{ asset_no: string }> = await db.query(
      `SELECT asset_no FROM asset_cards WHERE department = $1 AND asset_no IN (SELECT jsonb_array_elements_text($2::jsonb))`,
      [department, JSON.stringify(numbers)],
    );
    return new Set(rows.map((r) => r.asset_no));
  }

  /** Whether a card of the department already has this number. */
  async assetNoTaken(db: EntityManager, department: string, assetNo: string): Promise<boolean> {
    const rows: unknown[] = await db.query(`SELECT 1 FROM asset_cards WHERE department = $1 AND asset_no = $2`, [department, assetNo]);
    return rows.length > 0;
  }

  /**
   * Reserves `count` numbers of the department-year and returns the first sequence. The upsert
   * locks the row until the transaction ends, so concurrent registrations take turns.
   */
  async reserveAssetNos(tx: EntityManager, department: string, year: number, count: number): Promise<number> {
    const [{ last }]: Array<{ last: number }> = await tx.query(
      `INSERT INTO asset_number_sequences (department, year, last) VALUES ($1, $2, $3)
       ON CONFLICT (department, year) DO UPDATE SET last = asset_number_sequences.last + EXCLUDED.last
       RETURNING last`,
      [department, year, count],
    );
    return last - count + 1;
  }

  /** The cards registered from the purchases' acceptances, in acceptance order. */
  async purchaseCards(db: EntityManager, purchaseIds: readonly string[]): Promise<PurchaseCardRow[]> {
    if (purchaseIds.length === 0) return [];
    const rows: Array<{ purchase_id: string; asset_id: string; asset_no: string }> = await db.query(
      `SELECT c.purchase_id, c.asset_id, c.asset_no FROM asset_cards c
       JOIN asset_purchase_acceptances a ON a.acceptance_id = c.acceptance_id
       WHERE c.purchase_id = ANY($1::uuid[])
       ORDER BY a.position, c.acceptance_sequence`,
      [purchaseIds],
    );
    return rows.map((r) => ({ purchaseId: r.purchase_id, assetId: r.asset_id, assetNo: r.asset_no }));
  }

  /**
   * After a bulk load: the planner's statistics would otherwise describe the tables as they were
   * before it (autovacuum may be off or lagging), and the next holdings or stocktake query plans
   * for a handful of rows. Inside the loading transaction its own rows count as live.
   */
  async analyze(tx: EntityManager): Promise<void> {
    await tx.query(`ANALYZE asset_cards, asset_category_days`);
  }

  /** Which of `ids` are cards of the department. */
  async existing(db: EntityManager, department: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ asset_id: string }> = await db.query(
      `SELECT asset_id FROM asset_cards WHERE department = $1 AND asset_id = ANY($2::uuid[])`,
      [department, ids],
    );
    return new Set(rows.map((r) => r.asset_id));
  }

  async ledgerBalances(db: EntityManager, department: string, year: number): Promise<Map<AssetCategoryName, Fen> | null> {
    const rows: Array<{ category: string; value_fen: string }> = await db.query(
      `SELECT category, value_fen::text AS value_fen FROM asset_ledger_balances WHERE department = $1 AND budget_year = $2`,
      [department, year],
    );
    return rows.length ? new Map(rows.map((r) => [storedCategory(r.category), BigInt(r.value_fen)])) : null;
  }

  /** Every acceptance of the purchases with the cards registered from it, in acceptance order. */
  async acceptanceCards(db: EntityManager, purchaseIds: readonly string[]): Promise<AcceptanceCardsRow[]> {
    if (purchaseIds.length === 0) return [];
    const rows: Array<{ purchase_id: string; acceptance_id: string; quantity: string; amount_fen: string; carded: string; cards: string }> =
      await db.query(
        `SELECT a.purchase_id, a.acceptance_id, a.quantity, a.amount_fen::text AS amount_fen,
                COALESCE(sum(c.quantity), 0)::text AS carded, count(c.asset_id)::text AS cards
         FROM asset_purchase_acceptances a
         LEFT JOIN asset_cards c ON c.acceptance_id = a.acceptance_id
         WHERE a.purchase_id = ANY($1::uuid[])
         GROUP BY a.purchase_id, a.acceptance_id, a.quantity, a.amount_fen, a.position
         ORDER BY a.position`,
        [purchaseIds],
      );
    return rows.map((r) => ({
      purchaseId: r.purchase_id,
      acceptanceId: r.acceptance_id,
      quantity: r.quantity,
      amount: BigInt(r.amount_fen),
      cardedQuantity: BigInt(r.carded),
      cards: Number(r.cards),
    }));
  }
}
