/** An event as a decision produces it, before the store gives it an identity and a position. */
export interface NewEvent<TData extends object = Record<string, unknown>> {
  type: string;
  data: TData;
  /** Bump when a payload changes shape; published payloads are never changed in place. */
  schemaVersion?: number;
  occurredAt?: Date;
}

export interface EventMetadata {
  actor: { id: string; kind: string; roles?: string[] };
  correlationId: string;
  causationId: string | null;
}

export interface StoredEvent<TData extends object = Record<string, unknown>> {
  eventId: string;
  type: string;
  streamId: string;
  streamVersion: number;
  /** Global position (int8), a string as int8 always is at the edges. */
  position: string;
  /** The writing transaction (xid8): part of the feed order, never shown to clients. */
  transactionId: string;
  department: string;
  budgetYear: number | null;
  schemaVersion: number;
  occurredAt: Date;
  recordedAt: Date;
  data: TData;
  metadata: EventMetadata;
}

/**
 * What an append expects of the stream: an exact version (the number of events in it),
 * `no_stream` (it must not exist yet) or `any`.
 */
export type ExpectedVersion = number | 'no_stream' | 'any';

/** The department and year every event of a stream is filed under. */
export interface StreamScope {
  department: string;
  budgetYear: number | null;
}
