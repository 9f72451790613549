import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The card's number (资产编号, unique within the department) and the register's descriptive
 * fields. Cards carded before numbering keep their id as number, as the AssetRegistered v1 → v2
 * upcaster reads them, so a rebuild writes the same rows. A card migrated from an existing
 * register keeps, in `imported`, the card as its AssetsImported event carried it: the state its
 * own stream's later events start from.
 */
export class AssetRegister1764028800012 implements MigrationInterface {
  name = 'AssetRegister1764028800012';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE asset_cards
        ADD COLUMN asset_no text,
        ADD COLUMN brand text,
        ADD COLUMN model text,
        ADD COLUMN using_department text,
        ADD COLUMN finance_entry_date date,
        ADD COLUMN voucher_no text,
        ADD COLUMN usage text NOT NULL DEFAULT 'in_use',
        ADD COLUMN accumulated_depreciation_fen bigint,
        ADD COLUMN imported jsonb`);
    await db.query(`UPDATE asset_cards SET asset_no = asset_id::text`);
    await db.query(`ALTER TABLE asset_cards ALTER COLUMN asset_no SET NOT NULL, ALTER COLUMN usage DROP DEFAULT`);
    await db.query(`CREATE UNIQUE INDEX asset_cards_number_idx ON asset_cards (department, asset_no)`);
    // The last number handed out per department and year (<dept>-<year>-<6 digits>); the row
    // lock of the upsert serializes concurrent registrations of one department-year.
    await db.query(`
      CREATE TABLE asset_number_sequences (
        department  text    NOT NULL,
        year        integer NOT NULL,
        last        integer NOT NULL,
        PRIMARY KEY (department, year)
      )`);
    // Uncarded items counted by category in a stocktake (the latest count of each category).
    await db.query(`
      CREATE TABLE stocktake_category_counts (
        stocktake_id  uuid    NOT NULL,
        category      text    NOT NULL,
        count         bigint  NOT NULL,
        value_fen     bigint  NOT NULL,
        note          text,
        PRIMARY KEY (stocktake_id, category)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE stocktake_category_counts`);
    await db.query(`DROP TABLE asset_number_sequences`);
    await db.query(`DROP INDEX asset_cards_number_idx`);
    for (const column of [
      'asset_no',
      'brand',
      'model',
      'using_department',
      'finance_entry_date',
      'voucher_no',
      'usage',
      'accumulated_depreciation_fen',
      'imported',
    ]) {
      await db.query(`ALTER TABLE asset_cards DROP COLUMN ${column}`);
    }
  }
}
