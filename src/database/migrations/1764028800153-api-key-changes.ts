import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change of an API key row (a revocation, a replaced bootstrap secret, a deletion) is
 * NOTIFYed on `register_api_keys_<schema>` (api-key-channel.ts) with the key id, delivered at
 * COMMIT: each instance caches key rows and drops one when told, so a revocation bites on every
 * instance within moments, whoever made it (the service or SQL straight in the database).
 */
export class ApiKeyChanges1764028800153 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION api_keys_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify(left('register_api_keys_' || TG_TABLE_SCHEMA, 63), coalesce(NEW.key_id, OLD.key_id));
        RETURN NULL;
      END $$`);
    await db.query(`CREATE TRIGGER api_keys_changed AFTER UPDATE OR DELETE ON api_keys FOR EACH ROW EXECUTE FUNCTION api_keys_changed()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER api_keys_changed ON api_keys`);
    await db.query(`DROP FUNCTION api_keys_changed()`);
  }
}
