// The built service (dist/main.js) as its own process: started on a database, waited for until
// /health answers, stopped or killed. Shared by the bench and the reliability suite.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const newAdminKey = () => `bench-admin-${randomBytes(16).toString('hex')}`;

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node dist/main.js` with `env` (DATABASE_URL or DATA_DIR, …) and resolves once /health
 * answers 200. `nodeOptions` are passed to node before the script (e.g. `--import` a preload).
 * One service process unless `env.WORKERS` says more (then /health answers once one worker
 * listens; `kill()` takes the primary down and its workers exit with it).
 */
export async function startService({ env, port, adminKey, nodeOptions = [], timeoutMs = 60_000, quiet = true }) {
  port ??= await freePort();
  const child = spawn(process.execPath, [...nodeOptions, 'dist/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NATS_URL: '',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      // The figures are the service's, not the abuse limits'.
      RATE_LIMIT: '1000000',
      RATE_LIMIT_ANONYMOUS: '1000000',
      WORKERS: '1',
      ...env,
      PORT: String(port),
      BOOTSTRAP_ADMIN_KEY: adminKey,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The last of what it wrote (pino logs on stdout, start failures on stderr), for error messages.
  let stderr = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-20_000);
      if (!quiet) process.stderr.write(chunk);
    });
  }
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    const done = await Promise.race([exited.then((e) => e), new Promise((r) => setTimeout(() => r(null), 100))]);
    if (done) throw new Error(`the service exited (${done.code ?? done.signal}) before answering /health:\n${stderr}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`the service did not answer /health within ${timeoutMs} ms:\n${stderr}`);
    }
  }
  return {
    baseUrl,
    port,
    pid: child.pid,
    startedInMs: performance.now() - started,
    exited,
    stderr: () => stderr,
    /** The processes the service forked (its cluster workers; none with WORKERS=1), from /proc (Linux). */
    workerPids() {
      return readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    },
    /** Resident memory of the service process and its workers, from /proc (Linux). */
    rssMb() {
      const kb = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? NaN);
      const total = [child.pid, ...this.workerPids()].reduce((sum, pid) => sum + kb(pid), 0);
      return Number.isNaN(total) ? null : Math.round(total / 1024);
    },
    /** kill -9: no shutdown hook runs, in-flight transactions are cut off. */
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** A JSON HTTP client with the admin key. Resolves `{ status, body }`; never throws on a status. */
export function client(baseUrl, adminKey) {
  return async function call(method, path, body, headers = {}) {
    const res = await fetch(baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}`, ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  };
}

/** Like `client`, but a status other than `expect` throws with the answer. */
export function strictClient(baseUrl, adminKey) {
  const call = client(baseUrl, adminKey);
  return async (method, path, body, expect = [200, 201]) => {
    const res = await call(method, path, body);
    if (![expect].flat().includes(res.status)) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
}
