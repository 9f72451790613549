// Creates or drops a PostgreSQL database for one CI run: node scripts/ci/pg-database.mjs create|drop NAME
// Uses the `pg` package the project installs, so CI needs no psql binary.
import pg from 'pg';

const [action, name] = process.argv.slice(2);
if (!['create', 'drop'].includes(action) || !/^[a-z_][a-z0-9_]{0,62}$/.test(name ?? '')) {
  console.error('usage: pg-database.mjs create|drop <lower_case_name>');
  process.exit(2);
}
const admin = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 5000 });
await client.connect();
try {
  if (action === 'create') await client.query(`CREATE DATABASE "${name}"`);
  else await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
} finally {
  await client.end();
}
