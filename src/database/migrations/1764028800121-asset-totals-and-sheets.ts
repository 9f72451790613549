import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Holdings and reconciliation sum a department's acquisitions and disposals over a range of
 * days; at a million cards a scan of asset_cards costs hundreds of milliseconds, so the asset
 * projection keeps them per department, category and day (asset_category_days), and a query
 * sums at most one row per category and day.
 *
 * A stocktake opened by reference (StocktakeOpened v2) names its scope by the snapshot of the
 * opening statement: the cards whose registering transaction it saw, acquired on or before asOf
 * and not disposed of by then in a transaction it saw. The cards therefore keep the writing
 * transaction of their registration and disposal, so a rebuild (which replays in position order,
 * not commit order) selects the same cards. Rows carded before this migration have NULL there:
 * they committed long before any stocktake opened by reference.
 */
export class AssetTotalsAndSheets1764028800121 implements MigrationInterface {
  name = 'AssetTotalsAndSheets1764028800121';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE asset_cards ADD COLUMN registered_xid xid8, ADD COLUMN disposed_xid xid8`);
    await db.query(`
      CREATE TABLE asset_category_days (
        department           text    NOT NULL,
        category             text    NOT NULL,
        day                  date    NOT NULL,
        acquired_count       bigint  NOT NULL DEFAULT 0,
        acquired_value_fen   bigint  NOT NULL DEFAULT 0,
        disposed_count       bigint  NOT NULL DEFAULT 0,
        disposed_value_fen   bigint  NOT NULL DEFAULT 0,
        PRIMARY KEY (department, day, category)
      )`);
    await db.query(`
      INSERT INTO asset_category_days (department, category, day, acquired_count, acquired_value_fen, disposed_count, disposed_value_fen)
      SELECT department, category, day, sum(ac), sum(av), sum(dc), sum(dv) FROM (
        SELECT department, category, acquired_on AS day, quantity AS ac, value_fen AS av, 0 AS dc, 0 AS dv FROM asset_cards
        UNION ALL
        SELECT department, category, disposed_on, 0, 0, quantity, value_fen FROM asset_cards WHERE disposed_on IS NOT NULL
      ) m GROUP BY department, category, day`);
    await db.query(`ALTER TABLE stocktakes ADD COLUMN scope_snapshot text`);
    // The sheet pages in 资产编号 order; the number of a card never changes, so the scope keeps it.
    await db.query(`ALTER TABLE stocktake_items ADD COLUMN asset_no text`);
    await db.query(`UPDATE stocktake_items i SET asset_no = c.asset_no FROM asset_cards c WHERE c.asset_id = i.asset_id`);
    await db.query(`UPDATE stocktake_items SET asset_no = asset_id::text WHERE asset_no IS NULL`);
    await db.query(`ALTER TABLE stocktake_items ALTER COLUMN asset_no SET NOT NULL`);
    await db.query(`CREATE INDEX stocktake_items_sheet_idx ON stocktake_items (stocktake_id, asset_no)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX stocktake_items_sheet_idx`);
    await db.query(`ALTER TABLE stocktake_items DROP COLUMN asset_no`);
    await db.query(`ALTER TABLE stocktakes DROP COLUMN scope_snapshot`);
    await db.query(`DROP TABLE asset_category_days`);
    await db.query(`ALTER TABLE asset_cards DROP COLUMN registered_xid, DROP COLUMN disposed_xid`);
  }
}
