import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventLog1764028800000 implements MigrationInterface {
  name = 'EventLog1764028800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE events_global_position_seq AS bigint`);
    // transaction_id is what makes the all-events feed gap-free: positions are handed out at
    // insert but become visible at commit, possibly out of order; a reader only trusts
    // transactions older than the oldest one still running (see event-store.ts readAll).
    await db.query(`
      CREATE TABLE events (
        global_position bigint      NOT NULL DEFAULT nextval('events_global_position_seq') PRIMARY KEY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        stream_id       text        NOT NULL,
        stream_version  bigint      NOT NULL,
        event_id        uuid        NOT NULL UNIQUE,
        type            text        NOT NULL,
        schema_version  integer     NOT NULL DEFAULT 1,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        department      text        NOT NULL,
        budget_year     integer,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version),
        CONSTRAINT events_stream_version_positive CHECK (stream_version > 0)
      )`);
    await db.query(`ALTER SEQUENCE events_global_position_seq OWNED BY events.global_position`);
    await db.query(`CREATE INDEX events_feed_idx ON events (transaction_id, global_position)`);
    await db.query(`CREATE INDEX events_department_feed_idx ON events (department, transaction_id, global_position)`);
    await db.query(`
      CREATE TABLE streams (
        stream_id   text        NOT NULL PRIMARY KEY,
        version     bigint      NOT NULL CHECK (version > 0),
        department  text        NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // The stored answer of a command sent with an Idempotency-Key; written in the command's
    // own transaction, so a retry either sees the whole outcome or runs the command afresh.
    await db.query(`
      CREATE TABLE idempotency_keys (
        scope         text        NOT NULL,
        key           text        NOT NULL,
        request_hash  text        NOT NULL,
        response      jsonb,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_keys`);
    await db.query(`DROP TABLE streams`);
    await db.query(`DROP TABLE events`);
  }
}
