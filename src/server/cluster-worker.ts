import cluster from 'node:cluster';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config.js';
import { serve } from './serve.js';

/** The message the primary sends a worker to make it close and exit. */
export const SHUTDOWN = 'register:shutdown';

/**
 * A worker of the cluster: serves on the primary's port without migrating (the primary did).
 * It closes the app itself, once, on SIGTERM/SIGINT or the primary's message: Ctrl-C in a
 * terminal signals the whole process group and the primary passes it on as well, and with Nest's
 * own hooks that second signal would kill the process in the middle of closing.
 */
export async function runWorker(config: AppConfig): Promise<void> {
  const id = cluster.worker!.id;
  const running: { app?: NestExpressApplication } = {};
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Before the app is up nothing is served yet and no migration runs here: just go.
    await running.app?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('message', (message) => {
    if (message === SHUTDOWN) void stop();
  });
  running.app = await serve(config, {
    migrate: false,
    shutdownHooks: false,
    worker: { id, of: config.workers },
    // Ids grow with every restart: only the first worker looks for a first admin key.
    adminAccess: id === 1,
  });
}
