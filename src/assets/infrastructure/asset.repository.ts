import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Fen } from '../../common/money/money.js';
import { type AssetCategoryName, storedCategory } from '../domain/asset-category.js';
import type { AssetStatus } from '../domain/asset.state.js';
import type { UsageState } from '../domain/asset-vocabulary.js';
import type { CategoryFigures, Figure } from '../domain/category-figures.js';
import type { StocktakeItem } from '../domain/stocktake.state.js';

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
   * Cards acquired, and cards disposed of, in (after, to] by category, summed in the database
   * (a province holds millions of cards); `after` null means from the beginning.
   */
  async movements(
    db: EntityManager,
    department: string,
    after: string | null,
    to: string,
  ): Promise<{ acquired: CategoryFigures; disposed: CategoryFigures }> {
    type Row = { kind: 'acquired' | 'disposed'; category: string; count: string; value_fen: string };
    const rows: Row[] = await db.query(
      `SELECT 'acquired' AS kind, category, sum(quantity)::text AS count, sum(value_fen)::text AS value_fen FROM asset_cards
       WHERE department = $1 AND acquired_on > COALESCE($2::date, '-infinity'::date) AND acquired_on <= $3
       GROUP BY category
       UNION ALL
       SELECT 'disposed', category, sum(quantity)::text, sum(value_fen)::text FROM asset_cards
       WHERE department = $1 AND disposed_on IS NOT NULL AND disposed_on > COALESCE($2::date, '-infinity'::date) AND disposed_on <= $3
       GROUP BY category`,
      [department, after, to],
    );
    return { acquired: figures(rows.filter((r) => r.kind === 'acquired')), disposed: figures(rows.filter((r) => r.kind === 'disposed')) };
  }

  /** Cards held as of `asOf`: acquired by then and not disposed of by then. */
  async heldAsOf(db: EntityManager, department: string, asOf: string): Promise<StocktakeItem[]> {
    const rows: Array<{ asset_id: string; category: string; quantity: string; value_fen: string }> = await db.query(
      `SELECT asset_id, category, quantity::text AS quantity, value_fen::text AS value_fen FROM asset_cards
       WHERE department = $1 AND acquired_on <= $2 AND (disposed_on IS NULL OR disposed_on > $2)
       ORDER BY acquired_on, asset_id`,
      [department, asOf],
    );
    return rows.map((r) => ({
      assetId: r.asset_id,
      category: storedCategory(r.category),
      quantity: BigInt(r.quantity),
      value: BigInt(r.value_fen),
    }));
  }

  /** A migrated card's data as its AssetsImported event carried it; null for a card that was not imported. */
  async importedCard(db: EntityManager, assetId: string): Promise<{ department: string; card: unknown } | null> {
    const rows: Array<{ department: string; imported: unknown }> = await db.query(
      `SELECT department, imported FROM asset_cards WHERE asset_id = $1 AND imported IS NOT NULL`,
      [assetId],
    );
    return rows[0] ? { department: rows[0].department, card: rows[0].imported } : null;
  }

  /** Which of `numbers` are already cards' numbers in the department. */
  async takenAssetNos(db: EntityManager, department: string, numbers: readonly string[]): Promise<Set<string>> {
    if (numbers.length === 0) return new Set();
    const rows: Array<{ asset_no: string }> = await db.query(
      `SELECT asset_no FROM asset_cards WHERE department = $1 AND asset_no = ANY($2::text[])`,
      [department, numbers],
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
