/** Who did it, for the event metadata. Authentication (a later issue) fills in real actors. */
export interface Actor {
  id: string;
  kind: 'anonymous' | 'api_key' | 'user' | 'system';
  roles?: string[];
}

/** What every write carries from the request into the events it appends. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  causationId?: string;
  /** Client retry key (Idempotency-Key header) and the scope it is unique in. */
  idempotency?: { scope: string; key: string; requestHash: string };
}

export const SYSTEM_ACTOR: Actor = { id: 'system', kind: 'system' };
