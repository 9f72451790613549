import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../app.factory.js';
import type { AppOptions } from '../app.module.js';
import { AdminKeyBootstrap } from '../auth/index.js';
import type { AppConfig } from '../config/app-config.js';

export interface ServeOptions extends Pick<AppOptions, 'migrate' | 'shutdownHooks'> {
  /** "worker 2/4" in the listening line; absent when the process serves alone. */
  worker?: { id: number; of: number };
  /** Whether this process checks for a first admin key (one process of a cluster does). */
  adminAccess?: boolean;
}

/** One service process: the app, listening on PORT (in a cluster worker, the primary's shared port). */
export async function serve(config: AppConfig, options: ServeOptions = {}): Promise<NestExpressApplication> {
  const app = await createApp(config, { migrate: options.migrate, shutdownHooks: options.shutdownHooks });
  await app.init();
  await app.listen(config.PORT);
  const worker = options.worker ? `, worker #${options.worker.id} of WORKERS=${options.worker.of}` : '';
  new Logger('Main').log(`listening on ${listeningUrl(app.getHttpServer().address())} (database: ${config.databaseKind}${worker})`);
  // Last, so nothing scrolls it away: on a first start the printed admin key is the only way in.
  if (options.adminAccess !== false) await app.get(AdminKeyBootstrap).ensureAdminAccess();
  return app;
}

/** The URL a person on this host would open: a wildcard bind is reachable as localhost. */
function listeningUrl(address: string | AddressInfo | null): string {
  if (address === null || typeof address === 'string') return String(address);
  const wildcard = address.address === '::' || address.address === '0.0.0.0';
  const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
