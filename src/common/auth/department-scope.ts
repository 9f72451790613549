import type { Actor } from '../context/command-context.js';

/** A list of department codes, or '*' for every department. */
export type DepartmentScope = readonly string[] | '*';

export function inScope(scope: DepartmentScope, department: string): boolean {
  return scope === '*' || scope.includes(department);
}

/** Whether `outer` covers every department of `inner` ('*' is covered only by '*'). */
export function scopeCovers(outer: DepartmentScope, inner: DepartmentScope): boolean {
  if (outer === '*') return true;
  return inner !== '*' && inner.every((d) => outer.includes(d));
}

/**
 * The department list a read across departments (the feed, a live tail, a listing) must be
 * restricted to; undefined means no restriction. An empty scope restricts to nothing at all.
 */
export function departmentFilter(scope: DepartmentScope): readonly string[] | undefined {
  return scope === '*' ? undefined : scope;
}

/**
 * For routes that address one resource by id: a resource of a department outside the caller's
 * scope is reported exactly like a missing one (the error `notFound` builds), so ids of other
 * departments cannot be probed.
 */
export function requireInScope(actor: Actor, department: string, notFound: () => Error): void {
  if (!inScope(actor.departments, department)) throw notFound();
}
