import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DepartmentScope } from '../../common/auth/department-scope.js';
import { queryRows } from '../../database/sql.js';

export interface ApiKeyRecord {
  id: string;
  name: string;
  roles: string[];
  departments: DepartmentScope;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  revokedBy: string | null;
}

/** What authentication needs of a key, read on every request (revocation must bite at once). */
export interface ApiKeyCredential {
  id: string;
  roles: string[];
  departments: DepartmentScope;
  secretHash: string;
  revoked: boolean;
}

export interface NewApiKey {
  id: string;
  name: string;
  roles: readonly string[];
  departments: DepartmentScope;
  secretHash: string;
  createdBy: string;
}

interface KeyRow {
  key_id: string;
  name: string;
  roles: string[];
  departments: DepartmentScope;
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
  revoked_by: string | null;
}

const toRecord = (r: KeyRow): ApiKeyRecord => ({
  id: r.key_id,
  name: r.name,
  roles: r.roles,
  departments: r.departments,
  createdAt: new Date(r.created_at),
  createdBy: r.created_by,
  revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
  revokedBy: r.revoked_by,
});

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async credential(id: string): Promise<ApiKeyCredential | null> {
    const rows: Array<{ key_id: string; roles: string[]; departments: DepartmentScope; secret_hash: string; revoked: boolean }> =
      await this.dataSource.query(
        `SELECT key_id, roles, departments, secret_hash, revoked_at IS NOT NULL AS revoked FROM api_keys WHERE key_id = $1`,
        [id],
      );
    if (rows.length === 0) return null;
    const [r] = rows;
    return { id: r.key_id, roles: r.roles, departments: r.departments, secretHash: r.secret_hash, revoked: r.revoked };
  }

  async insert(tx: EntityManager, key: NewApiKey): Promise<ApiKeyRecord> {
    const rows: KeyRow[] = await tx.query(
      `INSERT INTO api_keys (key_id, name, roles, departments, secret_hash, created_by)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6)
       RETURNING key_id, name, roles, departments, created_at, created_by, revoked_at, revoked_by`,
      [key.id, key.name, JSON.stringify(key.roles), JSON.stringify(key.departments), key.secretHash, key.createdBy],
    );
    return toRecord(rows[0]);
  }

  /**
   * The operator's BOOTSTRAP_ADMIN_KEY, written at every start: the variable is the operator's
   * current intent, so a changed secret replaces the old one and a revoked bootstrap key comes
   * back while the variable is still set.
   */
  async upsertBootstrap(tx: EntityManager, key: NewApiKey): Promise<void> {
    await tx.query(
      `INSERT INTO api_keys (key_id, name, roles, departments, secret_hash, created_by)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6)
       ON CONFLICT (key_id) DO UPDATE SET name = EXCLUDED.name, roles = EXCLUDED.roles,
         departments = EXCLUDED.departments, secret_hash = EXCLUDED.secret_hash,
         revoked_at = NULL, revoked_by = NULL`,
      [key.id, key.name, JSON.stringify(key.roles), JSON.stringify(key.departments), key.secretHash, key.createdBy],
    );
  }

  async count(tx: EntityManager): Promise<number> {
    const [{ n }]: Array<{ n: string }> = await tx.query(`SELECT count(*)::text AS n FROM api_keys`);
    return Number(n);
  }

  async list(): Promise<ApiKeyRecord[]> {
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT key_id, name, roles, departments, created_at, created_by, revoked_at, revoked_by
       FROM api_keys ORDER BY created_at, key_id`,
    );
    return rows.map(toRecord);
  }

  async get(tx: EntityManager, id: string): Promise<ApiKeyRecord | null> {
    const rows: KeyRow[] = await tx.query(
      `SELECT key_id, name, roles, departments, created_at, created_by, revoked_at, revoked_by
       FROM api_keys WHERE key_id = $1 FOR UPDATE`,
      [id],
    );
    return rows.length ? toRecord(rows[0]) : null;
  }

  /**
   * Revokes once: a second revocation keeps the first time and author. The table's trigger
   * announces it to every instance's key cache at COMMIT (api-key-cache.ts).
   */
  async revoke(tx: EntityManager, id: string, by: string): Promise<void> {
    await queryRows(tx, `UPDATE api_keys SET revoked_at = now(), revoked_by = $2 WHERE key_id = $1 AND revoked_at IS NULL`, [id, by]);
  }
}
