import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A migrated card points to its place in the AssetsImported event that carried it (the event's
 * position and the card's ordinal in its `cards`) instead of holding a jsonb copy of it: the copy
 * was about 600 of the row's 870 bytes, so a register of 1,000,000 cards wrote some 600 MB more
 * heap and WAL than the cards themselves need, several times `shared_buffers` and `max_wal_size`
 * on a default server. The log keeps the card whole; a rebuild writes the same pointer.
 */
export class ImportedCardPointer1764028800220 implements MigrationInterface {
  name = 'ImportedCardPointer1764028800220';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE asset_cards ADD COLUMN imported_position bigint, ADD COLUMN imported_ordinal integer`);
    await db.query(`
      UPDATE asset_cards c SET imported_position = ev.global_position, imported_ordinal = t.i
      FROM events ev, jsonb_array_elements(ev.data->'cards') WITH ORDINALITY AS t(card, i)
      WHERE ev.type = 'AssetsImported' AND c.imported IS NOT NULL AND c.asset_id = (t.card->>'assetId')::uuid`);
    await db.query(`ALTER TABLE asset_cards DROP COLUMN imported`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE asset_cards ADD COLUMN imported jsonb`);
    await db.query(`
      UPDATE asset_cards c SET imported = ev.data->'cards'->(c.imported_ordinal - 1)
      FROM events ev WHERE ev.global_position = c.imported_position`);
    await db.query(`ALTER TABLE asset_cards DROP COLUMN imported_position, DROP COLUMN imported_ordinal`);
  }
}
