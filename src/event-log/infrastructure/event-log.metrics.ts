import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { StoredEvent } from '../domain/event.js';

@Injectable()
export class EventLogMetrics {
  private readonly appendedTotal: Counter<'type'>;

  constructor(registry: Registry) {
    this.appendedTotal = new Counter({
      name: 'events_appended_total',
      help: 'Events appended to the log (counted after commit), by event type',
      labelNames: ['type'],
      registers: [registry],
    });
  }

  appended(events: readonly StoredEvent[]): void {
    for (const event of events) this.appendedTotal.inc({ type: event.type });
  }
}
