import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { AdminKeyBootstrap } from './auth/index.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { checkDatabase, DatabaseUnavailableError } from './database/check-database.js';

async function main(): Promise<void> {
  const config = loadConfig();
  await checkDatabase(config);
  const app = await createApp(config);
  await app.init();
  await app.listen(config.PORT);
  new Logger('Main').log(`listening on ${listeningUrl(app.getHttpServer().address())} (database: ${config.databaseKind})`);
  // Last, so nothing scrolls it away: on a first start the printed admin key is the only way in.
  await app.get(AdminKeyBootstrap).ensureAdminAccess();
}

/** The URL a person on this host would open: a wildcard bind is reachable as localhost. */
function listeningUrl(address: string | AddressInfo | null): string {
  if (address === null || typeof address === 'string') return String(address);
  const wildcard = address.address === '::' || address.address === '0.0.0.0';
  const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
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
