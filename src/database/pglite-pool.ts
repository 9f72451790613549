import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types, type Results } from '@electric-sql/pglite';
import { initialiseFolder, pgliteTemplate } from './pglite-template.js';

/**
 * A `pg`-compatible pool over one embedded PGlite database, handed to TypeORM's postgres driver
 * as `driver: { Pool }`.
 *
 * PGlite is ONE session. If two TypeORM query runners shared it, their BEGIN/COMMIT would
 * interleave and corrupt each other's transactions (the flaw of `typeorm-pglite`, which also
 * keeps a process-wide singleton). So this is a pool of exactly one connection: `connect`
 * queues FIFO until the current holder releases. The consequence every caller must respect:
 * never check out a second connection while holding one (it would wait forever) — pass the
 * transaction's EntityManager down instead of calling the DataSource again.
 */
export interface PglitePoolOptions {
  /** `memory://` for a throwaway database, or a folder path. */
  dataDir: string;
}

interface PgLikeResult {
  command: string;
  rows: unknown[];
  rowCount: number;
  fields: Results<unknown>['fields'];
}

type QueryCallback = (err: Error | null, result?: PgLikeResult) => void;

const TEXT = (value: string) => value;

/**
 * PostgreSQL's default shared_buffers (128 MB) sits in the WASM heap, resident for good; the
 * embedded database is one session over files the OS caches anyway (or, in memory, over arrays
 * already in the heap), so a small buffer pool costs copies, not reads. 32 MB: about 100 MB less
 * resident than the default.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/** Same wire-to-JS mapping as `pg`: int8 and numeric stay strings (no float or bigint surprises). */
const PG_COMPATIBLE_PARSERS = {
  [types.INT8]: TEXT,
  [types.NUMERIC]: TEXT,
};

function commandOf(sql: string): string {
  const match = /^\s*(?:--[^\n]*\n\s*)*([a-zA-Z]+)/.exec(sql);
  return match ? match[1].toUpperCase() : '';
}

function toPgResult(sql: string, result: Results<unknown> | undefined): PgLikeResult {
  const rows = result?.rows ?? [];
  return {
    command: commandOf(sql),
    rows,
    rowCount: result?.affectedRows ?? rows.length,
    fields: result?.fields ?? [],
  };
}

class PgliteClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  query(sql: string, params?: unknown[] | QueryCallback, callback?: QueryCallback): Promise<PgLikeResult> {
    const cb = typeof params === 'function' ? params : callback;
    const values = Array.isArray(params) ? params : undefined;
    // Parameterised statements go through the extended protocol; parameterless ones may hold
    // several statements (migrations), which only the simple protocol (`exec`) accepts.
    const run =
      values && values.length > 0
        ? this.db.query(sql, values).then((r) => toPgResult(sql, r))
        : this.db.exec(sql).then((all) => toPgResult(sql, all[all.length - 1]));
    return run.then(
      (result) => {
        cb?.(null, result);
        return result;
      },
      (err: Error) => {
        cb?.(err);
        if (cb) return undefined as unknown as PgLikeResult;
        throw err;
      },
    );
  }
}

export class PglitePool extends EventEmitter {
  private readonly ready: Promise<PGlite>;
  private readonly waiters: Array<() => void> = [];
  private held = false;
  private closed = false;

  constructor(options: PglitePoolOptions) {
    super();
    this.ready = open(options.dataDir);
    // Surface open errors on the first checkout rather than as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  connect(callback?: (err: Error | null, client?: PgliteClient, release?: (err?: unknown) => void) => void) {
    const checkout = this.acquire().then(async () => {
      const db = await this.ready.catch((err: Error) => {
        this.releaseLock();
        throw err;
      });
      const client = new PgliteClient(db);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.releaseLock();
      };
      return { client, release };
    });
    if (!callback) return checkout.then(({ client, release }) => Object.assign(client, { release }));
    checkout.then(
      ({ client, release }) => callback(null, client, release),
      (err: Error) => callback(err),
    );
    return undefined;
  }

  /** Pool-level query: checks out, runs, releases, like `pg.Pool#query`. */
  async query(sql: string, params?: unknown[]): Promise<PgLikeResult> {
    await this.acquire();
    try {
      return await new PgliteClient(await this.ready).query(sql, params);
    } finally {
      this.releaseLock();
    }
  }

  end(callback?: (err?: Error | null) => void): Promise<void> {
    this.closed = true;
    const done = this.ready.then((db) => db.close()).catch(() => undefined);
    if (callback)
      done.then(
        () => callback(null),
        (err: Error) => callback(err),
      );
    return done;
  }

  private acquire(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('PGlite pool is closed'));
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private releaseLock(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.held = false;
  }
}

/** A new database (in memory, or a folder without a cluster yet) starts from the template, not initdb. */
async function open(dataDir: string): Promise<PGlite> {
  const inMemory = dataDir === 'memory://';
  if (!inMemory && !existsSync(join(dataDir, 'PG_VERSION'))) await initialiseFolder(dataDir);
  return PGlite.create({
    dataDir,
    parsers: PG_COMPATIBLE_PARSERS,
    startParams: START_PARAMS,
    ...(inMemory ? { loadDataDir: await pgliteTemplate() } : {}),
  });
}

/** The shape TypeORM's postgres driver loads in place of the `pg` module. */
export function pgliteDriver(options: PglitePoolOptions) {
  let pool: PglitePool | undefined;
  return {
    Pool: class {
      constructor() {
        pool ??= new PglitePool(options);
        return pool;
      }
    },
  };
}
