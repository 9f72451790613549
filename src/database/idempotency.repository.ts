import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { prepared, queryRows } from './sql.js';

export interface StoredAnswer {
  requestHash: string;
  response: unknown;
}

@Injectable()
export class IdempotencyRepository {
  private readonly ttl: string;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.ttl = `${config.IDEMPOTENCY_KEY_TTL_HOURS} hours`;
  }

  /**
   * Claims the key for this transaction; returns the earlier answer when it was already used
   * within the TTL. An expired key is taken over in the same statement (the row lock makes a
   * concurrent duplicate wait for this transaction, then replay its answer).
   */
  async claim(tx: EntityManager, scope: string, key: string, requestHash: string): Promise<StoredAnswer | null> {
    const claimed: unknown[] = await tx.query(CLAIM, [scope, key, requestHash, this.ttl]);
    if (claimed.length > 0) return null;
    const rows: Array<{ request_hash: string; response: unknown }> = await tx.query(
      `SELECT request_hash, response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return { requestHash: rows[0].request_hash, response: rows[0].response };
  }

  async complete(tx: EntityManager, scope: string, key: string, response: unknown): Promise<void> {
    await tx.query(COMPLETE, [scope, key, JSON.stringify(response)]);
  }

  /** Deletes up to `batch` expired keys (its own short transaction); returns how many. */
  async sweep(batch = 10_000): Promise<number> {
    const rows = await this.dataSource.transaction((tx) =>
      queryRows<{ key: string }>(
        tx,
        `DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY(
           SELECT ctid FROM idempotency_keys WHERE created_at < now() - $1::interval LIMIT $2))
         RETURNING key`,
        [this.ttl, batch],
      ),
    );
    return rows.length;
  }
}

const CLAIM = prepared(`
  INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
  ON CONFLICT (scope, key) DO UPDATE
    SET request_hash = EXCLUDED.request_hash, response = NULL, created_at = now()
    WHERE idempotency_keys.created_at < now() - $4::interval
  RETURNING key`);
const COMPLETE = prepared(`UPDATE idempotency_keys SET response = $3 WHERE scope = $1 AND key = $2`);
