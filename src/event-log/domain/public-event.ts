import type { EventMetadata, StoredEvent } from './event.js';

/**
 * An event as every outlet publishes it (the feed, a stream's history, the live tail, the
 * relay): the stored envelope without the transaction id, times as ISO strings. Adding fields is
 * allowed; renaming or removing one is not.
 */
export interface PublicEvent {
  eventId: string;
  type: string;
  streamId: string;
  streamVersion: number;
  position: string;
  department: string;
  budgetYear: number | null;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export function toPublicEvent(event: StoredEvent): PublicEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    position: event.position,
    department: event.department,
    budgetYear: event.budgetYear,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
    data: event.data,
    metadata: event.metadata,
  };
}
