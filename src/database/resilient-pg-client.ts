import pg from 'pg';

/**
 * pg emits `error` on a client whose server connection ends while no query of it is running
 * (e.g. `pg_terminate_backend`, a failover). The pool listens only while the client is idle and
 * TypeORM only while a query runner holds it, so in between nobody does and Node would end the
 * whole process. With this listener the error only does what it should: the client is no longer
 * queryable, its pending and next queries fail (503 DATABASE.UNAVAILABLE), and the pool drops it
 * on release and opens a new one.
 */
export class ResilientPgClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => {});
  }
}
