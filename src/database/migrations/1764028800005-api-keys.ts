import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys: only a scrypt hash of each secret is kept. Not event-sourced on purpose: credentials
 * are not register facts, and the log is published to consumers. Not keyed by department either
 * (a key may span several); a small reference table on a distributed database.
 */
export class ApiKeys1764028800005 implements MigrationInterface {
  name = 'ApiKeys1764028800005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE api_keys (
        key_id       text        NOT NULL PRIMARY KEY,
        name         text        NOT NULL,
        roles        jsonb       NOT NULL,
        departments  jsonb       NOT NULL,
        secret_hash  text        NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        created_by   text        NOT NULL,
        revoked_at   timestamptz,
        revoked_by   text,
        CONSTRAINT api_keys_roles_array CHECK (jsonb_typeof(roles) = 'array'),
        CONSTRAINT api_keys_departments_shape CHECK (jsonb_typeof(departments) = 'array' OR departments = '"*"'::jsonb)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_keys`);
  }
}
