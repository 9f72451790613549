import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Counter, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { toPublicEvent } from '../domain/public-event.js';
import { encodeCursor } from '../domain/feed-cursor.js';
import { AppendSignal } from '../infrastructure/append-signal.js';
import { EventStore } from '../infrastructure/event-store.js';
import { JetStreamPublisher } from '../infrastructure/jetstream-publisher.js';
import { RelayCheckpointRepository } from '../infrastructure/relay-checkpoint.repository.js';
import { RelayLeaderLock } from '../infrastructure/relay-leader-lock.js';

const BATCH = 500;
const IDLE_POLL_MS = 1_000;
const RETRY_MS = 5_000;
/** How often a standby relay tries to take over the publishing. */
const STANDBY_RETRY_MS = 2_000;
/** Failing for longer than this, the relay reports itself down rather than retrying. */
const DOWN_AFTER_MS = 60_000;

export interface RelayStatus {
  /** `standby`: another process or instance publishes; this one takes over when that one stops. */
  state: 'up' | 'retrying' | 'down' | 'standby';
  /** Events of the log not yet published (after the relay's checkpoint). */
  lag: number;
  lastPublishedAt: string | null;
}

/**
 * Delivers the gap-free feed to NATS JetStream, at least once and in feed order. Each batch is
 * read, published and acknowledged, and only then is the checkpoint moved. A crash after
 * publishing and before the checkpoint re-sends that batch: JetStream drops the repeats within
 * its duplicate window (Nats-Msg-Id = eventId), consumers dedupe by eventId.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventRelay.name);
  private readonly relayed: Counter;
  private publisher?: JetStreamPublisher;
  private running = false;
  private loop?: Promise<void>;
  private pause?: { cancel: () => void };
  private lastPublishedAt: Date | null = null;
  /** When the current run of failures began; undefined while the relay works. */
  private failingSince?: number;
  private connected = false;
  private standby = false;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly checkpoints: RelayCheckpointRepository,
    private readonly signal: AppendSignal,
    private readonly leader: RelayLeaderLock,
    registry: Registry,
  ) {
    this.relayed = new Counter({
      name: 'events_relayed_total',
      help: 'Events published to NATS JetStream and acknowledged (re-sends included)',
      registers: [registry],
    });
    const lag = () => (this.enabled ? this.lag() : Promise.resolve(0));
    new Gauge({
      name: 'relay_lag_events',
      help: "Events of the log after the NATS relay's checkpoint (0 without NATS_URL)",
      registers: [registry],
      async collect() {
        this.set(await lag());
      },
    });
  }

  /** For GET /health: a broker outage degrades delivery, it does not make the service unhealthy. */
  async status(): Promise<RelayStatus> {
    const failingFor = this.failingSince === undefined ? undefined : Date.now() - this.failingSince;
    const state: RelayStatus['state'] = this.standby
      ? 'standby'
      : failingFor === undefined
        ? this.connected
          ? 'up'
          : 'retrying'
        : failingFor >= DOWN_AFTER_MS
          ? 'down'
          : 'retrying';
    return { state, lag: await this.lag(), lastPublishedAt: this.lastPublishedAt?.toISOString() ?? null };
  }

  private async lag(): Promise<number> {
    const from = await this.checkpoints.read(this.dataSource.manager, this.config.NATS_STREAM);
    return (await this.store.positionOf(from, undefined)).lag;
  }

  get enabled(): boolean {
    return Boolean(this.config.NATS_URL);
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.pause?.cancel();
    await this.loop;
    await this.publisher?.close();
    await this.leader.release();
  }

  /**
   * Relays one batch and returns how many events it published. No transaction is held while the
   * broker acknowledges (on PGlite that would stall every request): the page is read, published,
   * and only then is the checkpoint moved, by compare-and-set. Two instances may publish the same
   * batch; the broker keeps one copy of each (Nats-Msg-Id) and only one moves the checkpoint.
   */
  async relayOnce(): Promise<number> {
    const publisher = await this.connect();
    const name = this.config.NATS_STREAM;
    const m = this.dataSource.manager;
    const from = await this.checkpoints.read(m, name);
    const page = await this.store.readAll({ after: from, limit: BATCH });
    if (page.events.length === 0) return 0;
    const at = page.events.map((e) => ({ transactionId: e.transactionId, position: e.position }));
    await publisher.publish(page.events.map(toPublicEvent), at.map(encodeCursor));
    // Its own short transaction: nothing is held while the broker acknowledged.
    await this.dataSource.transaction((tx) => this.checkpoints.advance(tx, name, from, at[at.length - 1], page.events.length));
    this.relayed.inc(page.events.length);
    this.lastPublishedAt = new Date();
    return page.events.length;
  }

  private async connect(): Promise<JetStreamPublisher> {
    this.publisher ??= await JetStreamPublisher.open({
      servers: this.config.NATS_URL!,
      stream: this.config.NATS_STREAM,
      subjectPrefix: this.config.NATS_SUBJECT_PREFIX,
    });
    return this.publisher;
  }

  private async run(): Promise<void> {
    let failing = false;
    while (this.running) {
      let wait = IDLE_POLL_MS;
      try {
        if (!(await this.leader.acquire())) {
          if (!this.standby) this.logger.log('another process publishes to NATS JetStream; this relay stands by');
          this.standby = true;
          this.failingSince = undefined;
          failing = false;
          await this.publisher?.close().catch(() => undefined);
          this.publisher = undefined;
          await this.pauseFor(sleep(STANDBY_RETRY_MS));
          continue;
        }
        if (this.standby) this.logger.log('this relay now publishes to NATS JetStream');
        this.standby = false;
        const count = await this.relayOnce();
        if (failing) this.logger.log('relay to NATS JetStream resumed');
        failing = false;
        this.connected = true;
        this.failingSince = undefined;
        if (count === BATCH) continue;
      } catch (error) {
        // The log is the source of truth: the relay waits and resumes from its checkpoint.
        if (!failing) this.logger.error(`relay to NATS JetStream failed, retrying: ${(error as Error).message}`);
        failing = true;
        this.standby = false;
        this.failingSince ??= Date.now();
        wait = RETRY_MS;
        await this.publisher?.close().catch(() => undefined);
        this.publisher = undefined;
      }
      if (!this.running) break;
      // While failing, appends do not wake the relay: it retries on its own clock.
      await this.pauseFor(failing ? sleep(wait) : this.signal.next(wait));
    }
  }

  private async pauseFor(pause: { promise: Promise<void>; cancel: () => void }): Promise<void> {
    this.pause = pause;
    await pause.promise;
  }
}

function sleep(ms: number): { promise: Promise<void>; cancel: () => void } {
  let cancel!: () => void;
  const promise = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    cancel = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { promise, cancel };
}
