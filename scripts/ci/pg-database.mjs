// Creates or drops a PostgreSQL database for one CI run: node scripts/ci/pg-database.mjs create|drop NAME
import { checkDatabaseName, createDatabase, dropDatabase } from './pg-admin.mjs';

const [action, name] = process.argv.slice(2);
try {
  if (!['create', 'drop'].includes(action)) throw new Error('unknown action');
  checkDatabaseName(name);
} catch {
  console.error('usage: pg-database.mjs create|drop <lower_case_name>');
  process.exit(2);
}
await (action === 'create' ? createDatabase(name) : dropDatabase(name));
