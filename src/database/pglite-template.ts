import { randomBytes } from 'node:crypto';
import { access, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';

/**
 * A freshly initialised PGlite cluster as a tarball, for every new embedded database to start
 * from instead of running initdb itself.
 *
 * Why: initdb inside WebAssembly takes seconds (it was most of the time the test suite spent
 * opening test apps), and its separate WASM instance and the bootstrap's heap stay resident
 * until a full GC — a fresh database stood at about 800 MB, one opened from this tarball at
 * under 300 MB. The tarball is made once per PGlite version and machine, in a worker thread
 * whose memory goes with it, and kept in the temporary folder (written under another name and
 * renamed, so a process never reads a half-written one; two processes racing both write a
 * complete copy and one rename wins).
 */
const require = createRequire(import.meta.url);
const PGLITE_ENTRY = require.resolve('@electric-sql/pglite');
const PGLITE_VERSION = (JSON.parse(readFileSync(join(dirname(PGLITE_ENTRY), '..', 'package.json'), 'utf8')) as { version: string }).version;

// CommonJS, evaluated in the worker: it loads PGlite's CommonJS build by absolute path (an eval
// worker resolves nothing relative to this module, and under Jest this module is not a file node
// could load). Without a folder it runs initdb in memory and sends the cluster back as a tarball;
// with one it unpacks the template there.
const WORKER = `
const { readFileSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.entry);
(async () => {
  if (workerData.folder) {
    const db = await PGlite.create({ dataDir: workerData.folder, loadDataDir: new Blob([readFileSync(workerData.template)]) });
    await db.close();
    parentPort.postMessage('done');
    return;
  }
  const db = await PGlite.create({ dataDir: 'memory://' });
  const tar = await db.dumpDataDir('none');
  await db.close();
  const bytes = new Uint8Array(await tar.arrayBuffer());
  parentPort.postMessage(bytes, [bytes.buffer]);
})();
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
 * Makes `folder` an initialised cluster (from the template), in a worker: the tarball and the
 * unpacking instance never enter this process's heap, which a long-running service would carry.
 */
export async function initialiseFolder(folder: string): Promise<void> {
  await ensureTemplate();
  // Unpacked beside it and renamed into place (rename(2) replaces an empty folder), so a process
  // killed half-way leaves no half-made cluster that would look initialised on the next start.
  const partial = `${folder}.init-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await runWorker<string>({ folder: partial, template: FILE });
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
  const bytes = await runWorker<Uint8Array>({});
  const partial = `${FILE}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, bytes);
  await rename(partial, FILE);
}

function runWorker<T>(job: { folder?: string; template?: string }): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { entry: PGLITE_ENTRY, ...job } });
    worker.once('message', (answer: T) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the PGlite worker exited (${code}) before answering`)));
  });
}
