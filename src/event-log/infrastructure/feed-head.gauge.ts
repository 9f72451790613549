import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { EventStore } from './event-store.js';

/** Read at scrape time, so consumers' lag can be computed as head − their position. */
@Injectable()
export class FeedHeadGauge implements OnModuleInit {
  constructor(
    private readonly registry: Registry,
    private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    const store = this.store;
    new Gauge({
      name: 'event_feed_head_position',
      help: 'Highest global position in the event log',
      registers: [this.registry],
      async collect() {
        this.set(Number(await store.headPosition()));
      },
    });
  }
}
