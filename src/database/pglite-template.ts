import { randomBytes } from 'node:crypto';
import { access, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * A freshly initialised PGlite cluster as a tarball, for every new embedded database to start
 * from instead of running initdb itself.
 *
 * Why: initdb inside WebAssembly takes seconds (it was most of the time the test suite spent
 * opening test apps), and its separate WASM instance and the bootstrap's heap stay resident
 * until a full GC — a fresh database stood at about 800 MB, one opened from this tarball at
 * under 300 MB. The tarball is made once per PGlite version and machine, in a child process
 * whose memory goes with it (with a worker thread, whose freed WASM heap stayed resident, the
 * service's first start on a machine stood at 453 MB against 279 MB), and kept in the temporary
 * folder (written under another name and
 * renamed, so a process never reads a half-written one; two processes racing both write a
 * complete copy and one rename wins).
 */
const require = createRequire(import.meta.url);
const PGLITE_ENTRY = require.resolve('@electric-sql/pglite');
const PGLITE_VERSION = (JSON.parse(readFileSync(join(dirname(PGLITE_ENTRY), '..', 'package.json'), 'utf8')) as { version: string }).version;

// CommonJS, evaluated by `node -e` in a child process: it loads PGlite's CommonJS build by
// absolute path (under Jest this module is not a file node could load). Without a folder it runs
// initdb in memory and writes the cluster as a tarball to `out`; with one it unpacks the template
// there.
const CHILD = `
const { readFileSync, writeFileSync } = require('node:fs');
const job = JSON.parse(process.argv[1]);
const { PGlite } = require(job.entry);
(async () => {
  if (job.folder) {
    const db = await PGlite.create({ dataDir: job.folder, loadDataDir: new Blob([readFileSync(job.template)]) });
    await db.close();
    return;
  }
  const db = await PGlite.create({ dataDir: 'memory://' });
  const tar = await db.dumpDataDir('none');
  await db.close();
  writeFileSync(job.out, new Uint8Array(await tar.arrayBuffer()));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;

const FILE = join(tmpdir(), `pglite-template-${PGLITE_VERSION}.tar`);
/** Settles once the template file exists. */
let built: Promise<void> | undefined;

function ensureTemplate(): Promise<void> {
  built ??= build().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}

/** The initialised cluster to load a new in-memory database from (read anew each time, not kept). */
export async function pgliteTemplate(): Promise<Blob> {
  await ensureTemplate();
  return new Blob([await readFile(FILE)]);
}

/**
 * Makes `folder` an initialised cluster (from the template), in a child process: the tarball and
 * the unpacking instance never enter this process's heap, which a long-running service would carry.
 */
export async function initialiseFolder(folder: string): Promise<void> {
  await ensureTemplate();
  // Unpacked beside it and renamed into place (rename(2) replaces an empty folder), so a process
  // killed half-way leaves no half-made cluster that would look initialised on the next start.
  const partial = `${folder}.init-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await runChild({ folder: partial, template: FILE });
    await rename(partial, folder);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
}

async function build(): Promise<void> {
  try {
    await access(FILE);
    return;
  } catch {
    /* not built on this machine yet */
  }
  const partial = `${FILE}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await runChild({ out: partial });
    await rename(partial, FILE);
  } finally {
    await rm(partial, { force: true });
  }
}

function runChild(job: { folder?: string; template?: string; out?: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CHILD, JSON.stringify({ entry: PGLITE_ENTRY, ...job })], {
      stdio: ['ignore', 'ignore', 'pipe'],
      // The parent's flags (Jest's --experimental-vm-modules, a bench's --cpu-prof) are not the child's.
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`the PGlite initialiser exited (${code ?? signal}): ${stderr.trim()}`)),
    );
  });
}
