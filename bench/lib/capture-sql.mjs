// Preloaded into the service (`node --import ./bench/lib/capture-sql.mjs dist/main.js`) by the
// rawPgSameTransaction scenario: appends every statement the service sends through `pg` to
// CAPTURE_SQL_FILE as JSON lines { client, name, text, values }. pg_stat_statements would need
// shared_preload_libraries and a server restart, and the statement log is the server's, not the
// bench's to switch on; wrapping the driver records exactly what one command sends, in order,
// with its parameters, on any server. A named (prepared) statement keeps its name, so the replay
// prepares it too.
import { appendFileSync } from 'node:fs';
import pg from 'pg';

const file = process.env.CAPTURE_SQL_FILE;
if (file) {
  const ids = new WeakMap();
  let nextId = 0;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function capture(config, values, callback) {
    if (!ids.has(this)) ids.set(this, ++nextId);
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : (config?.values ?? []);
    if (typeof text === 'string')
      appendFileSync(file, JSON.stringify({ client: ids.get(this), name: config?.name, text, values: params }) + '\n');
    return original.call(this, config, values, callback);
  };
}
