import { afterEach, describe, expect, it } from '@jest/globals';
import { ResilientPgClient } from '../../src/database/resilient-pg-client.js';
import { prepared, preparedName } from '../../src/database/sql.js';
import { onPostgres } from '../support/test-app.js';

// Named statements exist only on PostgreSQL; PGlite's pool never sees a name.
const suite = onPostgres() ? describe : describe.skip;
const why = onPostgres() ? '' : ' — skipped: needs DATABASE_URL (PostgreSQL)';

const QUOTIENT = prepared(`SELECT 100 / $1::int AS quotient`);

suite(`hot statements run as named prepared statements${why}`, () => {
  let client: ResilientPgClient | undefined;
  afterEach(async () => {
    await client?.end();
    client = undefined;
  });

  const connect = async (preparedStatements: boolean) => {
    client = new ResilientPgClient({ connectionString: process.env.DATABASE_URL, preparedStatements });
    await client.connect();
    return client;
  };
  const preparedHere = async (db: ResilientPgClient) =>
    (await db.query<{ name: string }>(`SELECT name FROM pg_prepared_statements`)).rows.map((r) => r.name);

  it('a marked text is prepared once per connection and then reused, with the same answers', async () => {
    const db = await connect(true);
    expect((await db.query(QUOTIENT, [4])).rows).toEqual([{ quotient: 25 }]);
    expect((await db.query(QUOTIENT, [5])).rows).toEqual([{ quotient: 20 }]);
    expect(await preparedHere(db)).toEqual([preparedName(QUOTIENT)]);
    // An unmarked text stays unnamed.
    await db.query(`SELECT 100 / $1::int AS other`, [2]);
    expect(await preparedHere(db)).toEqual([preparedName(QUOTIENT)]);
  });

  it('fails as an unnamed statement would (the same SQLSTATE) and leaves the connection usable', async () => {
    const db = await connect(true);
    await expect(db.query(QUOTIENT, [0])).rejects.toMatchObject({ code: '22012' });
    expect((await db.query(QUOTIENT, [10])).rows).toEqual([{ quotient: 10 }]);
  });

  it('DB_PREPARED_STATEMENTS=off (a pooler that cannot keep them): nothing is prepared', async () => {
    const db = await connect(false);
    expect((await db.query(QUOTIENT, [4])).rows).toEqual([{ quotient: 25 }]);
    expect(await preparedHere(db)).toEqual([]);
  });
});
