import { createHash } from 'node:crypto';
import pg from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

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

/**
 * Hands each row of a SELECT to `onRow` as it arrives, inside the caller's transaction. On
 * PostgreSQL the rows are taken from the socket one by one while the server is still producing
 * the rest, so whatever `onRow` does (e.g. write to an HTTP answer) overlaps the statement instead
 * of waiting for all of it; PGlite, in process, answers whole and its rows are handed on after.
 * Resolves with the number of rows.
 */
export async function streamRows<T>(tx: EntityManager, sql: string, params: unknown[], onRow: (row: T) => void): Promise<number> {
  if (!tx.queryRunner) throw new Error("streamRows needs the manager of a transaction (DataSource.transaction or a command's tx)");
  const connection: unknown = await tx.queryRunner.connect();
  if (!(connection instanceof pg.Client)) {
    const rows = await queryRows<T>(tx, sql, params);
    rows.forEach(onRow);
    return rows.length;
  }
  let count = 0;
  await new Promise<void>((resolve, reject) => {
    const query = new pg.Query(sql, params);
    query.on('row', (row: T) => {
      count++;
      onRow(row);
    });
    query.on('end', () => resolve());
    // As TypeORM reports a failed statement, so the one error channel maps it the same way.
    query.on('error', (error: Error) => reject(new QueryFailedError(sql, params, error)));
    connection.query(query);
  });
  return count;
}

const PREPARED = new Map<string, string>();

/**
 * Marks a hot statement's text for a named prepared statement on PostgreSQL: each connection
 * parses and plans it once and then only binds and executes it. An unnamed statement is parsed
 * and planned afresh on every execution, which for the plan path's CTEs cost about as much as
 * running them. Only constant texts belong here (one server-side statement per text and
 * connection, for the connection's life); PGlite, one session in process, ignores the mark.
 */
export function prepared(text: string): string {
  if (!PREPARED.has(text)) PREPARED.set(text, `s_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`);
  return text;
}

/** The prepared statement's name for a text marked by `prepared`, if it is one. */
export const preparedName = (text: string): string | undefined => PREPARED.get(text);

/**
 * Resolves once a statement just started has been handed to the socket: TypeORM's query path and
 * the driver's write are a few promise steps away, and synchronous work started right after the
 * call (encoding the next batch) would otherwise run first and leave the database waiting.
 */
export function statementSent(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
