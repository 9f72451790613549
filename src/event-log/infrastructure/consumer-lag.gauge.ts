import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { departmentFilter } from '../../common/auth/department-scope.js';
import { ConsumerCheckpointRepository } from './consumer-checkpoint.repository.js';
import { EventStore } from './event-store.js';

/** Each consumer's lag at scrape time, counted in the departments the consumer belongs to. */
@Injectable()
export class ConsumerLagGauge implements OnModuleInit {
  constructor(
    private readonly registry: Registry,
    private readonly checkpoints: ConsumerCheckpointRepository,
    private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    const { checkpoints, store } = this;
    new Gauge({
      name: 'consumer_lag_events',
      help: "Events after a consumer's checkpoint, in the consumer's departments",
      labelNames: ['consumer'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const consumer of await checkpoints.all()) {
          const { lag } = await store.positionOf(consumer.cursor, departmentFilter(consumer.departments));
          this.set({ consumer: consumer.name }, lag);
        }
      },
    });
  }
}
