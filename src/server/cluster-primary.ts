import cluster, { type Worker } from 'node:cluster';
import pino from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { runMigrations } from '../database/run-migrations.js';
import { SHUTDOWN } from './cluster-worker.js';

/** A worker that dies sooner than this after its start is restarted after a growing pause. */
const STABLE_AFTER_MS = 10_000;
const RESTART_PAUSE_MS = [1_000, 30_000] as const;
/** Workers still closing after this are killed, so a stuck one cannot hold the shutdown. */
const SHUTDOWN_GRACE_MS = 20_000;

/**
 * The cluster's primary: serves nothing itself. It applies the migrations once (workers start
 * without migrating, so none races another), forks `config.workers` processes that share the
 * port (Node's cluster module hands out the connections), restarts a worker that dies, and on
 * SIGTERM/SIGINT asks every worker to close and exits once all have.
 */
export async function runPrimary(config: AppConfig): Promise<void> {
  const log = pino({ level: config.LOG_LEVEL, base: { pid: process.pid, role: 'primary' } });
  const applied = await runMigrations(config);
  if (applied.length > 0) log.info({ context: 'Cluster' }, `applied ${applied.length} migrations before forking`);

  const started = new Map<Worker, number>();
  let quickDeaths = 0;
  let stopping = false;
  const fork = () => started.set(cluster.fork(), Date.now());

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    if (stopping) {
      if (started.size === 0) process.exit(0);
      return;
    }
    quickDeaths = lived < STABLE_AFTER_MS ? quickDeaths + 1 : 0;
    const pause = quickDeaths === 0 ? 0 : Math.min(RESTART_PAUSE_MS[0] * 2 ** (quickDeaths - 1), RESTART_PAUSE_MS[1]);
    log.warn(
      { context: 'Cluster', worker: worker.id, workerPid: worker.process.pid, code, signal },
      `worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); starting another${pause ? ` in ${pause} ms` : ''}`,
    );
    setTimeout(() => {
      if (!stopping) fork();
    }, pause);
  });

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ context: 'Cluster' }, `${signal}: closing ${started.size} workers`);
    if (started.size === 0) process.exit(0);
    for (const worker of started.keys()) worker.send(SHUTDOWN, () => undefined);
    setTimeout(() => {
      for (const worker of started.keys()) worker.process.kill('SIGKILL');
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  if (!config.REDIS_URL) {
    log.warn(
      { context: 'Cluster' },
      `rate limits are counted per process without REDIS_URL: a credential may make up to ${config.workers} × RATE_LIMIT requests per window here`,
    );
  }
  for (let i = 0; i < config.workers; i++) fork();
  log.info({ context: 'Cluster' }, `started ${config.workers} workers on port ${config.PORT}`);
}
