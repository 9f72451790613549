import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A date's month as year × 12 + month − 1 (src/assets/domain/year-month.ts). */
const month = (date: string) => `(extract(year FROM ${date})::integer * 12 + extract(month FROM ${date})::integer - 1)`;
const acquired = month('acquired_on');
/** The month a migrated card's old register charged it through: its finance entry, never before acquisition. */
const opened = `greatest(${acquired}, ${month('coalesce(finance_entry_date, acquired_on)')})`;

/**
 * Depreciation (折旧) without a row per card and month. A card's schedule (domain/depreciation.ts
 * depreciationSchedule) is a set of generated columns of asset_cards, so it follows every change
 * of the card (finance entry date, disposal, life) by itself, and depreciation_through() is
 * accumulatedThrough(): posting a month is one aggregate query, a card's figures a read.
 * `useful_life_months` is the card's effective life written by the projection (null: not
 * depreciated); cards projected before this migration get it on the next read-model rebuild.
 *
 * The start rule (the month after acquisition) is the `+ 1` of dep_start; the TypeScript side has
 * it in firstChargedMonth().
 */
export class Depreciation1764028800170 implements MigrationInterface {
  name = 'Depreciation1764028800170';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE asset_cards
        ADD COLUMN useful_life_months integer,
        ADD COLUMN dep_opening_fen bigint GENERATED ALWAYS AS (coalesce(accumulated_depreciation_fen, 0)) STORED,
        ADD COLUMN dep_start integer GENERATED ALWAYS AS (
          CASE WHEN accumulated_depreciation_fen IS NULL THEN ${acquired} ELSE ${opened} END + 1) STORED,
        ADD COLUMN dep_months integer GENERATED ALWAYS AS (
          CASE WHEN useful_life_months IS NULL THEN 0
               WHEN accumulated_depreciation_fen IS NULL THEN useful_life_months
               ELSE greatest(1, useful_life_months - (${opened} - ${acquired})) END) STORED,
        ADD COLUMN dep_base_fen bigint GENERATED ALWAYS AS (
          CASE WHEN useful_life_months IS NULL THEN 0
               ELSE greatest(value_fen - coalesce(accumulated_depreciation_fen, 0), 0) END) STORED,
        ADD COLUMN dep_end integer GENERATED ALWAYS AS (${month('disposed_on')} - 1) STORED`);
    // Inlined by the planner (one SELECT, immutable, cheap arguments): no call per card.
    await db.query(`
      CREATE FUNCTION depreciation_through(opening bigint, base bigint, months integer, start integer, last_month integer, through integer)
      RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT opening + CASE
          WHEN months = 0 OR least(through, coalesce(last_month, through)) < start THEN 0::bigint
          WHEN least(through, coalesce(last_month, through)) - start + 1 >= months THEN base
          ELSE (least(through, coalesce(last_month, through)) - start + 1)::bigint * (base / months)
        END
      $$`);
    // Holdings before a department's first posting sum the migrated cards' opening figures alone.
    await db.query(
      `CREATE INDEX asset_cards_opening_depreciation_idx ON asset_cards (department, acquired_on)
         INCLUDE (category, accumulated_depreciation_fen, disposed_on) WHERE accumulated_depreciation_fen IS NOT NULL`,
    );
    // The posted months of each department (stream depreciation-<dept>), with the event's totals.
    await db.query(`
      CREATE TABLE depreciation_months (
        department    text     NOT NULL,
        month         integer  NOT NULL,
        year_month    text     NOT NULL,
        content_hash  text     NOT NULL,
        figures       jsonb    NOT NULL,
        position      bigint   NOT NULL,
        PRIMARY KEY (department, month)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE depreciation_months`);
    await db.query(`DROP INDEX asset_cards_opening_depreciation_idx`);
    await db.query(`DROP FUNCTION depreciation_through(bigint, bigint, integer, integer, integer, integer)`);
    for (const column of ['dep_end', 'dep_base_fen', 'dep_months', 'dep_start', 'dep_opening_fen', 'useful_life_months']) {
      await db.query(`ALTER TABLE asset_cards DROP COLUMN ${column}`);
    }
  }
}
