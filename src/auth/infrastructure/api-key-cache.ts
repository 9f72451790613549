import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../../config/app-config.js';
import { apiKeyChannel } from './api-key-channel.js';
import type { ApiKeyCredential } from './api-key.repository.js';

const RETRY_MS = [200, 10_000] as const;
const CACHE_SIZE = 10_000;

/**
 * Key rows by id, so that a request costs no key lookup. A revocation must still bite on every
 * instance at once: on PostgreSQL each change is NOTIFYed in its own transaction (delivered at
 * COMMIT) and every instance LISTENs on a connection of its own, dropping the key; while that
 * connection is down nothing is served from the cache (every request reads the row), and it is
 * emptied when listening resumes, since notifications sent meanwhile are lost. PGlite is one
 * process's database: the committing command drops the key in process.
 */
@Injectable()
export class ApiKeyCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ApiKeyCache.name);
  private readonly keys = new Map<string, ApiKeyCredential>();
  /** Bumped by every invalidation: a row read before one must not be cached after it. */
  private generation = 0;
  private listening: boolean;
  private client?: pg.Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private failures = 0;

  constructor(private readonly config: AppConfig) {
    this.listening = config.databaseKind !== 'postgres';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.databaseKind === 'postgres') await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  /** The cached row, or the one `read` returns (cached only if nothing was invalidated meanwhile). */
  async credential(id: string, read: () => Promise<ApiKeyCredential | null>): Promise<ApiKeyCredential | null> {
    if (this.listening) {
      const known = this.keys.get(id);
      if (known) return known;
    }
    const generation = this.generation;
    const key = await read();
    if (key && !key.revoked && this.listening && generation === this.generation) {
      this.keys.set(id, key);
      if (this.keys.size > CACHE_SIZE) this.keys.delete(this.keys.keys().next().value!);
    }
    return key;
  }

  invalidate(id?: string): void {
    this.generation++;
    if (id === undefined) this.keys.clear();
    else this.keys.delete(id);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL, application_name: 'procurement-asset-register-keys' });
    client.on('notification', (message) => this.invalidate(message.payload || undefined));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${apiKeyChannel(this.config)}"`);
      this.client = client;
      if (this.failures > 0) this.logger.log('listening for API key changes again');
      this.failures = 0;
      this.invalidate();
      this.listening = true;
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.stopped || (this.client !== client && this.client !== undefined)) return;
    this.listening = false;
    this.invalidate();
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.failures === 0) this.logger.warn(`API key listener lost its connection, reading every key: ${error?.message ?? 'closed'}`);
    const wait = Math.min(RETRY_MS[0] * 2 ** this.failures++, RETRY_MS[1]);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.listen(), wait);
    this.retry.unref();
  }
}
