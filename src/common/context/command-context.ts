import type { DepartmentScope } from '../auth/department-scope.js';

/**
 * Who did it, for the event metadata and for department-scope checks. Requests always act as
 * an authenticated API key or user (the access guard refuses anything else); `system` is the
 * service itself (CLI, start-up work).
 */
export interface Actor {
  /** The API key id, the token subject, or `system`. */
  id: string;
  kind: 'api_key' | 'user' | 'system';
  roles?: string[];
  /** Departments this actor may read and write. */
  departments: DepartmentScope;
}

/** What every write carries from the request into the events it appends. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  causationId?: string;
  /** Client retry key (Idempotency-Key header) and the scope it is unique in. */
  idempotency?: { scope: string; key: string; requestHash: string };
}
