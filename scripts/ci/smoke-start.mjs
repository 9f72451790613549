// Starts the built service the way `npm start` does, on a throwaway embedded database, and
// checks /health answers — proof that the README's first command works, not only the tests.
// Also checks what a person starting it sees: no route-mapping lines at the default level, one
// "listening on" line, and the first admin key's banner last, where it cannot scroll away.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'register-smoke-'));
const port = String(30000 + Math.floor(Math.random() * 20000));
const child = spawn(process.execPath, ['dist/main.js'], {
  env: { ...process.env, PORT: port, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info', BOOTSTRAP_ADMIN_KEY: '' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let output = '';
child.stdout.on('data', (chunk) => {
  output += chunk;
  process.stdout.write(chunk);
});
// The first start on a machine also builds the embedded database's template cluster (initdb,
// src/database/pglite-template.ts), which on a loaded 2-core machine takes tens of seconds.
const LIMIT_SECONDS = 120;
const deadline = Date.now() + LIMIT_SECONDS * 1000;
let ok = false;
while (Date.now() < deadline && !ok) {
  await new Promise((r) => setTimeout(r, 500));
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    const body = await res.json();
    ok = res.status === 200 && body.status === 'ok' && body.database === 'pglite';
    // npm start builds the web console too: it must be served at /app/.
    if (ok) ok = (await (await fetch(`http://127.0.0.1:${port}/app/`)).text()).includes('<div id="app">');
  } catch {
    /* not listening yet */
  }
}
// The banner follows the listening line; give it a moment to be written.
for (let i = 0; i < 20 && !output.includes('================\n\n'); i++) await new Promise((r) => setTimeout(r, 250));
child.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });
const problems = [];
if (!ok) problems.push(`the service did not become healthy (or serve the console at /app/) in ${LIMIT_SECONDS} s`);
if (/Mapped \{/.test(output)) problems.push('route mapping is logged at info level');
const listening = output.indexOf(`listening on http://localhost:${port} (database: pglite)`);
if (listening < 0) problems.push('no "listening on http://localhost:<port> (database: pglite)" line');
const banner = output.indexOf('First start: an admin API key was created');
if (banner < listening) problems.push('the first admin key banner is not after the listening line');
// Up to SIGTERM, nothing is logged after the banner's closing rule but the access log of this
// script's own requests (/health, /app/).
const closing = output.lastIndexOf('================\n');
const after = output
  .slice(closing)
  .split('\n')
  .filter((line) => /"level"/.test(line) && !/"msg":"request completed"/.test(line));
if (closing < banner || after.length > 0) problems.push(`log lines follow the admin key banner: ${after.join('\n')}`);
console.log(
  problems.length === 0
    ? 'smoke: service started on PGlite, served /app/, said where it listens, banner last'
    : `smoke: ${problems.join('; ')}`,
);
process.exit(problems.length === 0 ? 0 : 1);
