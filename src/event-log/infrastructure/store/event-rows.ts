import type { StoredEvent } from '../../domain/event.js';

// Output names shadow columns in ORDER BY: `transaction_id` below is text, so ORDER BY must name
// `events.transaction_id` or it sorts '1000' before '999' and the feed skips events.
export const EVENT_COLUMNS = `
  global_position::text AS position, transaction_id::text AS transaction_id, stream_id, stream_version,
  event_id, type, schema_version, data, metadata, department, budget_year, occurred_at, recorded_at`;

/** The same, for an append that has the data it just sent. */
export const EVENT_COLUMNS_WITHOUT_DATA = `
  global_position::text AS position, transaction_id::text AS transaction_id, stream_id, stream_version,
  event_id, type, schema_version, metadata, department, budget_year, occurred_at, recorded_at`;

export interface EventRow {
  position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: string | number;
  event_id: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: StoredEvent['metadata'];
  department: string;
  budget_year: number | null;
  occurred_at: Date;
  recorded_at: Date;
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    position: row.position,
    transactionId: row.transaction_id,
    department: row.department,
    budgetYear: row.budget_year,
    schemaVersion: row.schema_version,
    occurredAt: new Date(row.occurred_at),
    recordedAt: new Date(row.recorded_at),
    data: row.data,
    metadata: row.metadata,
  };
}
