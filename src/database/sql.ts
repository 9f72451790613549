import type { EntityManager } from 'typeorm';

/**
 * Rows of any statement, including `UPDATE … RETURNING`: `EntityManager.query` returns
 * `[rows, rowCount]` for UPDATE and DELETE but bare rows otherwise, so code that relies on
 * RETURNING must come through here.
 */
export async function queryRows<T>(tx: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  // Only a transaction's manager: a runner opened here would be a second checkout, which on
  // PGlite (one session) waits forever behind the caller's, and on PostgreSQL escapes its transaction.
  if (!tx.queryRunner) throw new Error("queryRows needs the manager of a transaction (DataSource.transaction or a command's tx)");
  const result = await tx.queryRunner.query(sql, params, true);
  return (result.records ?? []) as T[];
}
