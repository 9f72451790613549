import type { StoredEvent } from '../domain/event.js';
import type { ReadAllOptions } from '../infrastructure/event-store.js';

/**
 * Whether `event` is one a reader with these options is served: the same filters read-all.ts
 * applies in SQL, for the live tail that reads the whole log once and sorts it out per subscriber.
 */
export function matchesFeed(options: Omit<ReadAllOptions, 'after' | 'limit'>, event: StoredEvent): boolean {
  if (options.types?.length && !options.types.includes(event.type)) return false;
  if (options.streamPrefix && !event.streamId.startsWith(options.streamPrefix)) return false;
  if (options.budgetYear !== undefined && event.budgetYear !== options.budgetYear) return false;
  if (options.department !== undefined && event.department !== options.department) return false;
  if (options.departments && !options.departments.includes(event.department)) return false;
  return true;
}
