// Creating and dropping a throwaway PostgreSQL database, shared by CI (pg-database.mjs), the
// bench and the reliability suite. Uses the `pg` package the project installs, so no psql binary.
import pg from 'pg';

export const PG_ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function checkDatabaseName(name) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name ?? '')) throw new Error(`not a lower_case database name: ${name}`);
}

async function asAdmin(sql) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `template`: a copy of that database (which must have no session open), e.g. one holding a large data set. */
export async function createDatabase(name, template) {
  checkDatabaseName(name);
  if (template === undefined) return asAdmin(`CREATE DATABASE "${name}"`);
  checkDatabaseName(template);
  await asAdmin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
}

export async function dropDatabase(name) {
  checkDatabaseName(name);
  await asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** The URL of database `name` on the admin URL's server. */
export function databaseUrl(name) {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
