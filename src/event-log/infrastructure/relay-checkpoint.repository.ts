import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../database/sql.js';
import type { FeedCursor } from '../domain/feed-cursor.js';

@Injectable()
export class RelayCheckpointRepository {
  /** Where the relay named `name` has delivered up to (the start of the feed when it never ran). */
  async read(m: EntityManager, name: string): Promise<FeedCursor> {
    const rows: Array<{ transaction_id: string; position: string }> = await m.query(
      `SELECT transaction_id::text AS transaction_id, position::text AS position FROM relay_checkpoints WHERE name = $1`,
      [name],
    );
    return rows.length ? { transactionId: rows[0].transaction_id, position: rows[0].position } : { transactionId: '0', position: '0' };
  }

  /**
   * Moves the checkpoint from `from` to `to`, only if it is still at `from`: when another
   * instance moved it meanwhile, this one's publishes were repeats (dropped by the broker) and
   * it returns false without moving it back.
   */
  async advance(m: EntityManager, name: string, from: FeedCursor, to: FeedCursor, relayed: number): Promise<boolean> {
    const rows = await queryRows<{ name: string }>(
      m,
      `INSERT INTO relay_checkpoints AS c (name, transaction_id, position, relayed) VALUES ($1, $4::xid8, $5, $6)
       ON CONFLICT (name) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, position = EXCLUDED.position,
         relayed = c.relayed + EXCLUDED.relayed, updated_at = now()
         WHERE c.transaction_id = $2::xid8 AND c.position = $3
       RETURNING name`,
      [name, from.transactionId, from.position, to.transactionId, to.position, relayed],
    );
    return rows.length > 0;
  }
}
