import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Fen, yuanToFen } from '../../common/money/money.js';
import { type AssetCategoryName, storedCategory } from '../domain/asset-category.js';
import type { DepreciationTerms } from '../domain/depreciation.js';
import type { CategoryDepreciation } from '../domain/depreciation-posting.js';
import type { DepreciationPostedData } from '../domain/depreciation.events.js';
import type { MonthIndex } from '../domain/year-month.js';

/** depreciation_through() (migration 1764028800170) over a card's generated schedule columns, through month $2. */
const THROUGH = (month: string) => `depreciation_through(dep_opening_fen, dep_base_fen, dep_months, dep_start, dep_end, ${month})`;

/** A card's depreciation terms and the department they are posted in. */
export type CardDepreciationRow = DepreciationTerms & { department: string };

export type CardDepreciationTerms = CardDepreciationRow & { catalogCode: string; category: AssetCategoryName };

/** A posted month as the read model keeps it. */
export type PostedMonth = {
  month: MonthIndex;
  yearMonth: string;
  contentHash: string;
  figures: Omit<DepreciationPostedData, 'contentHash'>;
};

@Injectable()
export class DepreciationRepository {
  /**
   * The cards held at the end of `heldOn` (acquired by then, not disposed of by then) summed by
   * category: 原值, 累计折旧 through `through` and the charge of that month. One scan of the
   * department's cards; nothing is read or written per card outside the database.
   */
  async sums(
    db: EntityManager,
    department: string,
    heldOn: string,
    through: MonthIndex,
  ): Promise<Map<AssetCategoryName, CategoryDepreciation>> {
    const rows: Array<{ category: string; cards: number; original: string; accumulated: string; charge: string }> = await db.query(
      `SELECT category, count(*)::int AS cards, sum(value_fen)::text AS original, sum(${THROUGH('$2')})::text AS accumulated,
         sum(${THROUGH('$2')} - ${THROUGH('$2 - 1')})::text AS charge
       FROM asset_cards
       WHERE department = $1 AND acquired_on <= $3::date AND (disposed_on IS NULL OR disposed_on > $3::date)
       GROUP BY category`,
      [department, through, heldOn],
    );
    return new Map(
      rows.map((r) => [
        storedCategory(r.category),
        { cards: r.cards, originalValue: BigInt(r.original), accumulated: BigInt(r.accumulated), charge: BigInt(r.charge) },
      ]),
    );
  }

  /** 累计折旧 by category as the posting of `month` recorded it (cards held at the end of that month). */
  async postedAccumulated(db: EntityManager, department: string, month: MonthIndex): Promise<Map<AssetCategoryName, Fen> | null> {
    const [row]: Array<{ figures: PostedMonth['figures'] }> = await db.query(
      `SELECT figures FROM depreciation_months WHERE department = $1 AND month = $2`,
      [department, month],
    );
    if (!row) return null;
    return new Map(row.figures.categories.map((c) => [c.category, yuanToFen(c.accumulatedDepreciation)]));
  }

  /**
   * 累计折旧 through `through` of the cards held on `date` minus that of the cards held on `posted`
   * (the end of a posted month): only cards acquired or disposed of between the two dates differ,
   * found by the acquisition and disposal indexes, so a date between postings costs no scan.
   */
  async heldDifference(
    db: EntityManager,
    department: string,
    through: MonthIndex,
    date: string,
    posted: string,
  ): Promise<Map<AssetCategoryName, Fen>> {
    const [lo, hi] = date < posted ? [date, posted] : [posted, date];
    const held = (param: string) => `(acquired_on <= ${param}::date AND (disposed_on IS NULL OR disposed_on > ${param}::date))`;
    const rows: Array<{ category: string; difference: string }> = await db.query(
      `SELECT category, sum(${THROUGH('$2')} * ((CASE WHEN ${held('$5')} THEN 1 ELSE 0 END) - (CASE WHEN ${held('$6')} THEN 1 ELSE 0 END)))::text
         AS difference
       FROM asset_cards
       WHERE department = $1 AND ((acquired_on > $3::date AND acquired_on <= $4::date) OR (disposed_on > $3::date AND disposed_on <= $4::date))
       GROUP BY category`,
      [department, through, lo, hi, date, posted],
    );
    return new Map(rows.map((r) => [storedCategory(r.category), BigInt(r.difference)]));
  }

  /** Before any posting: the migrated cards' opening 累计折旧, of those held on `date` (partial index of migrated cards). */
  async openingHeld(db: EntityManager, department: string, date: string): Promise<Map<AssetCategoryName, Fen>> {
    const rows: Array<{ category: string; opening: string }> = await db.query(
      `SELECT category, sum(accumulated_depreciation_fen)::text AS opening FROM asset_cards
       WHERE department = $1 AND accumulated_depreciation_fen IS NOT NULL AND acquired_on <= $2::date
         AND (disposed_on IS NULL OR disposed_on > $2::date)
       GROUP BY category`,
      [department, date],
    );
    return new Map(rows.map((r) => [storedCategory(r.category), BigInt(r.opening)]));
  }

  /** The first month a card of the department is charged in (null: none will be). */
  async firstChargedMonth(db: EntityManager, department: string): Promise<MonthIndex | null> {
    const [row]: Array<{ first: number | null }> = await db.query(
      `SELECT min(dep_start) AS first FROM asset_cards
       WHERE department = $1 AND dep_months > 0 AND dep_base_fen > 0 AND (dep_end IS NULL OR dep_end >= dep_start)`,
      [department],
    );
    return row?.first ?? null;
  }

  /** The department's last posted month on or before `upTo` (null: none). */
  async lastPosted(db: EntityManager, department: string, upTo: MonthIndex): Promise<MonthIndex | null> {
    const [row]: Array<{ last: number | null }> = await db.query(
      `SELECT max(month) AS last FROM depreciation_months WHERE department = $1 AND month <= $2`,
      [department, upTo],
    );
    return row?.last ?? null;
  }

  async postedMonths(db: EntityManager, department: string, from: MonthIndex, to: MonthIndex): Promise<PostedMonth[]> {
    const rows: Array<{ month: number; year_month: string; content_hash: string; figures: PostedMonth['figures'] }> = await db.query(
      `SELECT month, year_month, content_hash, figures FROM depreciation_months
       WHERE department = $1 AND month BETWEEN $2 AND $3 ORDER BY month`,
      [department, from, to],
    );
    return rows.map((r) => ({ month: r.month, yearMonth: r.year_month, contentHash: r.content_hash, figures: r.figures }));
  }

  async card(db: EntityManager, assetId: string): Promise<CardDepreciationTerms | null> {
    return (await this.cards(db, [assetId])).get(assetId) ?? null;
  }

  /** The depreciation terms of the given cards, by asset id (one query; the caller bounds the list). */
  async cards(db: EntityManager, assetIds: readonly string[]): Promise<Map<string, CardDepreciationTerms>> {
    if (assetIds.length === 0) return new Map();
    const rows: Array<{
      asset_id: string;
      department: string;
      value_fen: string;
      useful_life_months: number | null;
      acquired_on: string;
      accumulated_depreciation_fen: string | null;
      finance_entry_date: string | null;
      disposed_on: string | null;
      catalog_code: string;
      category: string;
    }> = await db.query(
      `SELECT asset_id, department, value_fen::text AS value_fen, useful_life_months, acquired_on::text AS acquired_on,
         accumulated_depreciation_fen::text AS accumulated_depreciation_fen, finance_entry_date::text AS finance_entry_date,
         disposed_on::text AS disposed_on, catalog_code, category
       FROM asset_cards WHERE asset_id = ANY($1::uuid[])`,
      [assetIds],
    );
    return new Map(
      rows.map((row) => [
        row.asset_id,
        {
          department: row.department,
          originalValue: BigInt(row.value_fen),
          usefulLifeMonths: row.useful_life_months,
          acquiredOn: row.acquired_on,
          openingAccumulated: row.accumulated_depreciation_fen === null ? null : BigInt(row.accumulated_depreciation_fen),
          financeEntryDate: row.finance_entry_date,
          disposedOn: row.disposed_on,
          catalogCode: row.catalog_code,
          category: storedCategory(row.category),
        },
      ]),
    );
  }

  /** Every card's 累计折旧 through a month, computed by the database (for specs comparing it with the domain function). */
  async accumulatedByCard(db: EntityManager, department: string, through: MonthIndex): Promise<Map<string, Fen>> {
    const rows: Array<{ asset_id: string; accumulated: string }> = await db.query(
      `SELECT asset_id, ${THROUGH('$2')}::text AS accumulated FROM asset_cards WHERE department = $1`,
      [department, through],
    );
    return new Map(rows.map((r) => [r.asset_id, BigInt(r.accumulated)]));
  }
}
