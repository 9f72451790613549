// Starts the built service the way `npm start` does, on a throwaway embedded database, and
// checks /health answers — proof that the README's first command works, not only the tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'register-smoke-'));
const port = String(30000 + Math.floor(Math.random() * 20000));
const child = spawn(process.execPath, ['dist/main.js'], {
  env: { ...process.env, PORT: port, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
let ok = false;
for (let i = 0; i < 60 && !ok; i++) {
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
child.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });
console.log(
  ok
    ? 'smoke: service started on PGlite, /health answered ok and /app/ served the console'
    : 'smoke: service did not become healthy (or serve /app/) in 30 s',
);
process.exit(ok ? 0 : 1);
