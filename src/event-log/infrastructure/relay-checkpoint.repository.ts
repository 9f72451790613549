import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FeedCursor } from '../domain/feed-cursor.js';

@Injectable()
export class RelayCheckpointRepository {
  /**
   * Takes the relay's turn for this transaction, or returns null when another instance holds
   * it. An advisory lock rather than FOR UPDATE: a row lock would give this transaction an id
   * and hold back every feed reader (the feed stops at the oldest running transaction).
   */
  async claim(tx: EntityManager, name: string): Promise<FeedCursor | null> {
    const [{ locked }]: Array<{ locked: boolean }> = await tx.query(
      `SELECT pg_try_advisory_xact_lock(hashtextextended('relay:' || $1, 0)) AS locked`,
      [name],
    );
    if (!locked) return null;
    const rows: Array<{ transaction_id: string; position: string }> = await tx.query(
      `SELECT transaction_id::text AS transaction_id, position::text AS position FROM relay_checkpoints WHERE name = $1`,
      [name],
    );
    return rows.length ? { transactionId: rows[0].transaction_id, position: rows[0].position } : { transactionId: '0', position: '0' };
  }

  async save(tx: EntityManager, name: string, cursor: FeedCursor, relayed: number): Promise<void> {
    await tx.query(
      `INSERT INTO relay_checkpoints (name, transaction_id, position, relayed) VALUES ($1, $2::xid8, $3, $4)
       ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position,
         relayed = relay_checkpoints.relayed + EXCLUDED.relayed, updated_at = now()`,
      [name, cursor.transactionId, cursor.position, relayed],
    );
  }
}
