import pg from 'pg';
import { preparedName } from './sql.js';

/**
 * pg emits `error` on a client whose server connection ends while no query of it is running
 * (e.g. `pg_terminate_backend`, a failover). The pool listens only while the client is idle and
 * TypeORM only while a query runner holds it, so in between nobody does and Node would end the
 * whole process. With this listener the error only does what it should: the client is no longer
 * queryable, its pending and next queries fail (503 DATABASE.UNAVAILABLE), and the pool drops it
 * on release and opens a new one.
 *
 * TypeORM sends every statement as text and parameters; a text marked by `prepared` (sql.ts) goes
 * as a named statement instead (unless DB_PREPARED_STATEMENTS=off), which this connection parses
 * and plans only the first time. Its errors are the same, so their mapping does not change.
 */
export class ResilientPgClient extends pg.Client {
  readonly preparedStatements: boolean;

  constructor(config?: string | (pg.ClientConfig & { preparedStatements?: boolean })) {
    super(config);
    this.preparedStatements = typeof config !== 'object' || config.preparedStatements !== false;
    this.on('error', () => {});
  }
}

// pg's query has a dozen overloads, which an override would have to restate one by one; the
// arguments pass through untouched unless the text is a prepared one.
const unnamedQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
ResilientPgClient.prototype.query = function query(this: ResilientPgClient, ...args: unknown[]) {
  const [text, values, callback] = args;
  const name = this.preparedStatements && typeof text === 'string' && Array.isArray(values) ? preparedName(text) : undefined;
  return name ? unnamedQuery.call(this, { name, text, values }, callback) : unnamedQuery.apply(this, args);
} as pg.Client['query'];
