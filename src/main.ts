import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { AdminKeyBootstrap } from './auth/index.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { checkDatabase, DatabaseUnavailableError } from './database/check-database.js';

async function main(): Promise<void> {
  const config = loadConfig();
  await checkDatabase(config);
  const app = await createApp(config);
  await app.init();
  // Before listening: on a first start the printed admin key is the only way in.
  await app.get(AdminKeyBootstrap).ensureAdminAccess();
  await app.listen(config.PORT);
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
