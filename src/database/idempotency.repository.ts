import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface StoredAnswer {
  requestHash: string;
  response: unknown;
}

@Injectable()
export class IdempotencyRepository {
  /** Claims the key for this transaction; returns the earlier answer when it was already used. */
  async claim(tx: EntityManager, scope: string, key: string, requestHash: string): Promise<StoredAnswer | null> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, requestHash],
    );
    if (inserted.length > 0) return null;
    const rows: Array<{ request_hash: string; response: unknown }> = await tx.query(
      `SELECT request_hash, response FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return { requestHash: rows[0].request_hash, response: rows[0].response };
  }

  async complete(tx: EntityManager, scope: string, key: string, response: unknown): Promise<void> {
    await tx.query(`UPDATE idempotency_keys SET response = $3 WHERE scope = $1 AND key = $2`, [
      scope,
      key,
      JSON.stringify(response),
    ]);
  }
}
