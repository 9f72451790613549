import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DepartmentScope } from '../../common/auth/department-scope.js';
import { queryRows } from '../../database/sql.js';
import type { FeedCursor } from '../domain/feed-cursor.js';

export interface ConsumerCheckpoint {
  name: string;
  /** The scope of the credential that created it. */
  departments: DepartmentScope;
  cursor: FeedCursor;
  updatedAt: Date;
  updatedBy: string;
}

interface Row {
  name: string;
  departments: string[] | null;
  transaction_id: string;
  position: string;
  updated_at: Date;
  updated_by: string;
}

const COLUMNS = `name, departments, transaction_id::text AS transaction_id, position::text AS position, updated_at, updated_by`;

const toCheckpoint = (row: Row): ConsumerCheckpoint => ({
  name: row.name,
  departments: row.departments ?? '*',
  cursor: { transactionId: row.transaction_id, position: row.position },
  updatedAt: new Date(row.updated_at),
  updatedBy: row.updated_by,
});

/** `$n` covers a consumer's departments: '*' (NULL) covers everything, a list only consumers inside it. */
const COVERED_BY = (param: number) => `($${param}::text[] IS NULL OR (departments IS NOT NULL AND departments <@ $${param}::text[]))`;

@Injectable()
export class ConsumerCheckpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** In a command's transaction, locked until it ends (the compare-and-set reads under it). */
  async lock(tx: EntityManager, name: string): Promise<ConsumerCheckpoint | undefined> {
    const rows = await queryRows<Row>(tx, `SELECT ${COLUMNS} FROM consumer_checkpoints WHERE name = $1 FOR UPDATE`, [name]);
    return rows.length ? toCheckpoint(rows[0]) : undefined;
  }

  async find(name: string): Promise<ConsumerCheckpoint | undefined> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM consumer_checkpoints WHERE name = $1`, [name]);
    return rows.length ? toCheckpoint(rows[0]) : undefined;
  }

  /** Creates the consumer; false when another request created it first. */
  async create(tx: EntityManager, name: string, departments: DepartmentScope, cursor: FeedCursor, by: string): Promise<boolean> {
    const rows = await queryRows<{ name: string }>(
      tx,
      `INSERT INTO consumer_checkpoints (name, departments, transaction_id, position, updated_by)
       VALUES ($1, $2::text[], $3::xid8, $4::bigint, $5) ON CONFLICT (name) DO NOTHING RETURNING name`,
      [name, departments === '*' ? null : departments, cursor.transactionId, cursor.position, by],
    );
    return rows.length > 0;
  }

  async move(tx: EntityManager, name: string, cursor: FeedCursor, by: string): Promise<void> {
    await queryRows(
      tx,
      `UPDATE consumer_checkpoints SET transaction_id = $2::xid8, position = $3::bigint, updated_at = now(), updated_by = $4
       WHERE name = $1 RETURNING name`,
      [name, cursor.transactionId, cursor.position, by],
    );
  }

  /** The consumers a reader of `scope` may see, by name. */
  async list(scope: readonly string[] | undefined, offset: number, limit: number): Promise<{ items: ConsumerCheckpoint[]; total: number }> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM consumer_checkpoints WHERE ${COVERED_BY(1)} ORDER BY name OFFSET $2 LIMIT $3`,
      [scope ?? null, offset, limit],
    );
    const [{ total }]: Array<{ total: string }> = await this.dataSource.query(
      `SELECT count(*)::text AS total FROM consumer_checkpoints WHERE ${COVERED_BY(1)}`,
      [scope ?? null],
    );
    return { items: rows.map(toCheckpoint), total: Number(total) };
  }

  /** Every consumer, for the lag gauge. */
  async all(): Promise<ConsumerCheckpoint[]> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM consumer_checkpoints ORDER BY name`);
    return rows.map(toCheckpoint);
  }
}
