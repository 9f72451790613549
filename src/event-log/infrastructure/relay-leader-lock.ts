import { Injectable, Logger } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../../config/app-config.js';

/** How often the holder checks that its lock connection still lives (a lost session lost the lock). */
const CHECK_EVERY_MS = 1_000;

/**
 * Who publishes: a PostgreSQL session-level advisory lock, one per schema and JetStream stream,
 * held on a connection of its own by the one relay that publishes; every other process and
 * instance stays on standby and tries again. The lock lives as long as that session: a holder
 * that stops releases it, one that crashes or loses its connection loses it with the session.
 * Exactly-once still rests on the broker's dedupe and the checkpoint's compare-and-set (a holder
 * cut off from PostgreSQL may finish a batch while another takes over); the lock keeps the
 * publishing to one process, so batches are not sent twice as a rule. PGlite is one process's
 * database, so its relay always leads.
 */
@Injectable()
export class RelayLeaderLock {
  private readonly logger = new Logger(RelayLeaderLock.name);
  private client?: pg.Client;
  private held = false;
  private checkedAt = 0;

  constructor(private readonly config: AppConfig) {}

  /** Whether this process holds the lock now, taking it when it is free. Throws when PostgreSQL does not answer. */
  async acquire(): Promise<boolean> {
    if (this.config.databaseKind !== 'postgres') return true;
    if (this.held && this.client) {
      if (Date.now() - this.checkedAt < CHECK_EVERY_MS) return true;
      await this.run(this.client, 'SELECT 1');
      this.checkedAt = Date.now();
      return this.held;
    }
    const client = this.client ?? (await this.open());
    const rows = await this.run<{ ok: boolean }>(client, `SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS ok`, [
      'procurement-asset-register relay',
      `${this.config.DB_SCHEMA ?? ''}/${this.config.NATS_STREAM}`,
    ]);
    this.held = rows[0].ok;
    this.checkedAt = Date.now();
    return this.held;
  }

  /** Ends the session, and with it the lock (for the next standby to take). */
  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    await client?.end().catch(() => undefined);
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.config.DATABASE_URL,
      application_name: 'procurement-asset-register-relay-lock',
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    await client.connect().catch((error: unknown) => {
      this.lost(client, error as Error);
      throw error;
    });
    this.client = client;
    return client;
  }

  private async run<T>(client: pg.Client, sql: string, params: unknown[] = []): Promise<T[]> {
    try {
      return (await client.query(sql, params)).rows as T[];
    } catch (error) {
      this.lost(client, error as Error);
      throw error;
    }
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client && this.client !== undefined) return;
    if (this.held) this.logger.warn(`relay lock connection lost, so the lock with it: ${error?.message ?? 'closed'}`);
    this.client = undefined;
    this.held = false;
    client.end().catch(() => undefined);
  }
}
