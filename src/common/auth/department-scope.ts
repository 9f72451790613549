import type { Actor } from '../context/command-context.js';

/** A list of department codes, or '*' for every department. */
export type DepartmentScope = readonly string[] | '*';

export function inScope(scope: DepartmentScope, department: string): boolean {
  return scope === '*' || scope.includes(department);
}

/**
 * For routes that address one resource by id: a resource of a department outside the caller's
 * scope is reported exactly like a missing one (the error `notFound` builds), so ids of other
 * departments cannot be probed.
 */
export function requireInScope(actor: Actor, department: string, notFound: () => Error): void {
  if (!inScope(actor.departments, department)) throw notFound();
}
