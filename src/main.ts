import 'reflect-metadata';
import cluster from 'node:cluster';
import { ConfigError, loadConfig } from './config/app-config.js';
import { checkDatabase, DatabaseUnavailableError } from './database/check-database.js';
import { runPrimary } from './server/cluster-primary.js';
import { runWorker } from './server/cluster-worker.js';
import { serve } from './server/serve.js';

async function main(): Promise<void> {
  const config = loadConfig();
  // One process (WORKERS=1, and always on the embedded database): it migrates and serves.
  if (config.workers === 1) {
    await checkDatabase(config);
    await serve(config);
  } else if (cluster.isPrimary) {
    await checkDatabase(config);
    await runPrimary(config);
  } else {
    await runWorker(config);
  }
}

main().catch((err: unknown) => {
  // Configuration and connection problems are the user's to fix: one line, no stack.
  if (err instanceof ConfigError || err instanceof DatabaseUnavailableError) {
    console.error(`error: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
