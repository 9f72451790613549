import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { AppModule } from '../app.module.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { checkDatabase, DatabaseUnavailableError } from '../database/check-database.js';
import { RebuildReadModelsCommand } from '../event-log/index.js';

/** `npm run rebuild-read-models`: the same command as POST /admin/read-models/rebuild, offline. */
async function main(): Promise<void> {
  const config = loadConfig();
  await checkDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const result = await app.get(CommandBus).execute(new RebuildReadModelsCommand());
    console.log(JSON.stringify(result));
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof DatabaseUnavailableError ? `error: ${err.message}` : err);
  process.exit(1);
});
