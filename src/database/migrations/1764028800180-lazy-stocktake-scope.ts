import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The cards a stocktake opened by reference (StocktakeOpened v2) names: see StocktakeRepository's scope. */
const SNAPSHOT_SCOPE = `
  SELECT s.stocktake_id, c.asset_id, c.asset_no, c.category, c.quantity, c.value_fen
  FROM stocktakes s JOIN asset_cards c ON c.department = s.department AND c.acquired_on <= s.as_of
    AND (c.registered_xid IS NULL OR pg_visible_in_snapshot(c.registered_xid, s.scope_snapshot::pg_snapshot))
    AND (c.disposed_on IS NULL OR c.disposed_on > s.as_of
         OR (c.disposed_xid IS NOT NULL AND NOT pg_visible_in_snapshot(c.disposed_xid, s.scope_snapshot::pg_snapshot)))
  WHERE s.scope_snapshot IS NOT NULL`;

/**
 * A stocktake opened by reference no longer copies its scope into a row per card (a million rows
 * and an ANALYZE made opening take seconds): its cards are read from asset_cards through the
 * snapshot whenever they are needed, and only the counted cards have a row, in stocktake_counts.
 * stocktake_items keeps the cards a stocktake opened before v2 listed in its event. The number of
 * cards in scope (the event's `cards`) is kept on the stocktake's row.
 */
export class LazyStocktakeScope1764028800180 implements MigrationInterface {
  name = 'LazyStocktakeScope1764028800180';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE stocktake_counts (
        stocktake_id    uuid     NOT NULL,
        asset_id        uuid     NOT NULL,
        found           boolean  NOT NULL,
        found_quantity  bigint,
        note            text,
        PRIMARY KEY (stocktake_id, asset_id)
      )`);
    await db.query(`
      INSERT INTO stocktake_counts (stocktake_id, asset_id, found, found_quantity, note)
      SELECT stocktake_id, asset_id, found, found_quantity, note FROM stocktake_items WHERE found IS NOT NULL`);
    await db.query(`ALTER TABLE stocktakes ADD COLUMN scope_cards integer`);
    await db.query(`UPDATE stocktakes s SET scope_cards = (SELECT count(*) FROM stocktake_items i WHERE i.stocktake_id = s.stocktake_id)`);
    await db.query(`ALTER TABLE stocktakes ALTER COLUMN scope_cards SET NOT NULL`);
    await db.query(
      `DELETE FROM stocktake_items i USING stocktakes s WHERE s.stocktake_id = i.stocktake_id AND s.scope_snapshot IS NOT NULL`,
    );
    await db.query(`ALTER TABLE stocktake_items DROP COLUMN found, DROP COLUMN found_quantity, DROP COLUMN note`);
    await db.query(
      `ALTER TABLE asset_category_days ADD COLUMN acquired_cards bigint NOT NULL DEFAULT 0, ADD COLUMN disposed_cards bigint NOT NULL DEFAULT 0`,
    );
    await db.query(`
      UPDATE asset_category_days d SET acquired_cards = n.cards FROM (
        SELECT department, category, acquired_on AS day, count(*) AS cards FROM asset_cards GROUP BY 1, 2, 3) n
      WHERE d.department = n.department AND d.category = n.category AND d.day = n.day`);
    await db.query(`
      UPDATE asset_category_days d SET disposed_cards = n.cards FROM (
        SELECT department, category, disposed_on AS day, count(*) AS cards FROM asset_cards WHERE disposed_on IS NOT NULL GROUP BY 1, 2, 3) n
      WHERE d.department = n.department AND d.category = n.category AND d.day = n.day`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE asset_category_days DROP COLUMN acquired_cards, DROP COLUMN disposed_cards`);
    await db.query(`ALTER TABLE stocktake_items ADD COLUMN found boolean, ADD COLUMN found_quantity bigint, ADD COLUMN note text`);
    await db.query(`
      INSERT INTO stocktake_items (stocktake_id, asset_id, asset_no, category, quantity, value_fen)
      SELECT stocktake_id, asset_id, asset_no, category, quantity, value_fen FROM (${SNAPSHOT_SCOPE}) scope`);
    await db.query(`
      UPDATE stocktake_items i SET found = k.found, found_quantity = k.found_quantity, note = k.note
      FROM stocktake_counts k WHERE k.stocktake_id = i.stocktake_id AND k.asset_id = i.asset_id`);
    await db.query(`ALTER TABLE stocktakes DROP COLUMN scope_cards`);
    await db.query(`DROP TABLE stocktake_counts`);
  }
}
