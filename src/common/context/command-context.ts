import type { DepartmentScope } from '../auth/department-scope.js';

/** Who did it, for the event metadata and for department-scope checks. */
export interface Actor {
  id: string;
  kind: 'anonymous' | 'api_key' | 'user' | 'system';
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

export const SYSTEM_ACTOR: Actor = { id: 'system', kind: 'system', departments: '*' };

/** Until authentication is enforced on every route, an unauthenticated request acts as this. */
export const ANONYMOUS_ACTOR: Actor = { id: 'anonymous', kind: 'anonymous', departments: '*' };
