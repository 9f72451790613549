import type { EntityManager } from 'typeorm';

/**
 * Rows of any statement, including `UPDATE … RETURNING`: `EntityManager.query` returns
 * `[rows, rowCount]` for UPDATE and DELETE but bare rows otherwise, so code that relies on
 * RETURNING must come through here.
 */
export async function queryRows<T>(tx: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const runner = tx.queryRunner ?? tx.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, params, true);
    return (result.records ?? []) as T[];
  } finally {
    if (!tx.queryRunner) await runner.release();
  }
}
