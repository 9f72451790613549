import { jetstream, type JetStreamClient, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { PublicEvent } from '../domain/public-event.js';

export interface PublisherOptions {
  servers: string;
  stream: string;
  subjectPrefix: string;
}

/** JetStream's de-duplication window: a re-sent event (same Nats-Msg-Id) within it is dropped. */
const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

/**
 * Publishes events to a JetStream stream, one message per event, `Nats-Msg-Id` = eventId so the
 * server drops a re-send after a relay crash within the window, and consumers can dedupe by
 * eventId beyond it.
 */
export class JetStreamPublisher {
  private constructor(
    private readonly connection: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly options: PublisherOptions,
  ) {}

  static async open(options: PublisherOptions): Promise<JetStreamPublisher> {
    const connection = await connect({ servers: options.servers.split(','), name: 'procurement-asset-register-relay' });
    try {
      const jsm = await jetstreamManager(connection);
      const subjects = [`${options.subjectPrefix}.>`];
      const existing = await jsm.streams.info(options.stream).catch(() => null);
      if (!existing) {
        await jsm.streams.add({ name: options.stream, subjects, duplicate_window: nanos(DUPLICATE_WINDOW_MS) });
      } else if (!existing.config.subjects?.includes(subjects[0])) {
        await jsm.streams.update(options.stream, { subjects: [...(existing.config.subjects ?? []), ...subjects] });
      }
      return new JetStreamPublisher(connection, jetstream(connection), options);
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  private subjectOf(event: Pick<PublicEvent, 'department' | 'type'>): string {
    return `${this.options.subjectPrefix}.${event.department}.${event.type}`;
  }

  /**
   * Publishes in order and waits for every ack. The publishes go out back to back on one
   * connection, which keeps their order in the stream.
   */
  async publish(events: readonly PublicEvent[], cursors: readonly string[]): Promise<void> {
    const acks = events.map((event, i) => {
      const h = headers();
      h.set('Event-Type', event.type);
      h.set('Department', event.department);
      h.set('Feed-Cursor', cursors[i]);
      return this.js.publish(this.subjectOf(event), JSON.stringify(event), { msgID: event.eventId, headers: h });
    });
    await Promise.all(acks);
  }

  async close(): Promise<void> {
    await this.connection.drain().catch(() => this.connection.close());
  }
}
