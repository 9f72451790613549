import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../../config/app-config.js';
import { AppendSignal } from './append-signal.js';
import { appendChannel } from './store/notify-append.js';

const RETRY_MS = [200, 10_000] as const;

/**
 * On PostgreSQL: LISTENs on the append channel on a connection of its own, so a commit on another
 * instance wakes this one's live tail and relay at once instead of at their next idle poll. A lost
 * connection is re-opened with backoff; meanwhile the idle polls still find every event.
 */
@Injectable()
export class AppendListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AppendListener.name);
  private client?: pg.Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private failures = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly signal: AppendSignal,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.databaseKind !== 'postgres') return;
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.DATABASE_URL, application_name: 'procurement-asset-register-listen' });
    client.on('notification', () => this.signal.notify());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${appendChannel(this.config)}"`);
      this.client = client;
      if (this.failures > 0) this.logger.log('listening for appends again');
      this.failures = 0;
      // Anything committed while we were not listening is picked up by the readers' next read.
      this.signal.notify();
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.stopped || (this.client !== client && this.client !== undefined)) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.failures === 0) this.logger.warn(`append listener lost its connection, retrying: ${error?.message ?? 'closed'}`);
    const wait = Math.min(RETRY_MS[0] * 2 ** this.failures++, RETRY_MS[1]);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.listen(), wait);
    this.retry.unref();
  }
}
