import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of the asset register (projections of asset-<id>, holdings-<dept>,
 * ledger-<dept>-<year> and stocktake-<id> streams, and of purchase acceptances). Every table is
 * keyed by department first, so it distributes by department (DESIGN §6).
 */
export class Assets1764028800003 implements MigrationInterface {
  name = 'Assets1764028800003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE asset_cards (
        asset_id            uuid        NOT NULL PRIMARY KEY,
        department          text        NOT NULL,
        budget_year         integer,
        version             integer     NOT NULL,
        name                text        NOT NULL,
        catalog_code        text        NOT NULL,
        catalog_name        text        NOT NULL,
        category            text        NOT NULL,
        quantity            bigint      NOT NULL CHECK (quantity > 0),
        unit                text,
        value_fen           bigint      NOT NULL CHECK (value_fen >= 0),
        unit_value_fen      bigint      NOT NULL,
        acquired_on         date        NOT NULL,
        source              text        NOT NULL,
        location            text,
        custodian           text,
        funding             jsonb       NOT NULL,
        economic_code       text,
        purchase_id         uuid,
        acceptance_id       uuid,
        acceptance_sequence integer,
        status              text        NOT NULL,
        disposed_on         date,
        disposal_method     text,
        disposal_reason     text,
        registered_at       timestamptz NOT NULL,
        updated_at          timestamptz NOT NULL,
        CHECK ((status = 'disposed') = (disposed_on IS NOT NULL))
      )`);
    // Holdings as of a date sum cards by acquisition and by disposal date within a department;
    // the INCLUDE columns let both sums run from the index alone.
    await db.query(
      `CREATE INDEX asset_cards_acquired_idx ON asset_cards (department, acquired_on) INCLUDE (category, quantity, value_fen)`,
    );
    await db.query(
      `CREATE INDEX asset_cards_disposed_idx ON asset_cards (department, disposed_on) INCLUDE (category, quantity, value_fen)
       WHERE disposed_on IS NOT NULL`,
    );
    await db.query(`CREATE INDEX asset_cards_category_idx ON asset_cards (department, category, acquired_on)`);
    // A second reaction to the same acceptance would collide here instead of doubling the cards.
    await db.query(
      `CREATE UNIQUE INDEX asset_cards_acceptance_idx ON asset_cards (acceptance_id, acceptance_sequence) WHERE acceptance_id IS NOT NULL`,
    );
    await db.query(`CREATE INDEX asset_cards_purchase_idx ON asset_cards (purchase_id) WHERE purchase_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE asset_purchase_acceptances (
        acceptance_id  uuid    NOT NULL PRIMARY KEY,
        purchase_id    uuid    NOT NULL,
        department     text    NOT NULL,
        quantity       text    NOT NULL,
        amount_fen     bigint  NOT NULL,
        accepted_on    date    NOT NULL,
        position       bigint  NOT NULL
      )`);
    await db.query(`CREATE INDEX asset_purchase_acceptances_purchase_idx ON asset_purchase_acceptances (purchase_id, position)`);

    await db.query(`
      CREATE TABLE asset_opening_holdings (
        department  text    NOT NULL,
        as_of       date    NOT NULL,
        category    text    NOT NULL,
        count       bigint  NOT NULL CHECK (count >= 0),
        value_fen   bigint  NOT NULL CHECK (value_fen >= 0),
        PRIMARY KEY (department, as_of, category)
      )`);
    await db.query(`
      CREATE TABLE asset_ledger_balances (
        department   text    NOT NULL,
        budget_year  integer NOT NULL,
        category     text    NOT NULL,
        value_fen    bigint  NOT NULL CHECK (value_fen >= 0),
        PRIMARY KEY (department, budget_year, category)
      )`);

    await db.query(`
      CREATE TABLE stocktakes (
        stocktake_id     uuid        NOT NULL PRIMARY KEY,
        department       text        NOT NULL,
        budget_year      integer     NOT NULL,
        as_of            date        NOT NULL,
        status           text        NOT NULL,
        version          integer     NOT NULL,
        opened_position  bigint      NOT NULL,
        opened_at        timestamptz NOT NULL,
        book_count       bigint      NOT NULL,
        book_value_fen   bigint      NOT NULL,
        closed_on        date,
        closed_position  bigint,
        result           jsonb
      )`);
    await db.query(`CREATE INDEX stocktakes_year_idx ON stocktakes (department, budget_year, status, as_of)`);
    await db.query(`
      CREATE TABLE stocktake_items (
        stocktake_id    uuid    NOT NULL,
        asset_id        uuid    NOT NULL,
        category        text    NOT NULL,
        quantity        bigint  NOT NULL,
        value_fen       bigint  NOT NULL,
        found           boolean,
        found_quantity  bigint,
        note            text,
        PRIMARY KEY (stocktake_id, asset_id)
      )`);
    await db.query(`
      CREATE TABLE stocktake_surpluses (
        stocktake_id         uuid    NOT NULL,
        item_id              uuid    NOT NULL,
        name                 text    NOT NULL,
        catalog_code         text    NOT NULL,
        category             text    NOT NULL,
        quantity             bigint  NOT NULL,
        estimated_value_fen  bigint  NOT NULL,
        note                 text,
        PRIMARY KEY (stocktake_id, item_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'stocktake_surpluses',
      'stocktake_items',
      'stocktakes',
      'asset_ledger_balances',
      'asset_opening_holdings',
      'asset_purchase_acceptances',
      'asset_cards',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
