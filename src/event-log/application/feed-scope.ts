import { departmentFilter, inScope } from '../../common/auth/department-scope.js';
import type { Actor } from '../../common/context/command-context.js';
import { ForbiddenError } from '../../common/errors/domain-error.js';
import type { ReadAllOptions } from '../infrastructure/event-store.js';
import type { FeedFilters } from './read-feed.query.js';

/**
 * What part of the log an actor may follow: only events of departments in its scope. Every way
 * out of the log on someone's behalf (the paged feed, the live tail) goes through this function,
 * so none of them can forget the filter.
 *
 * Asking for one department outside the scope is refused (403) rather than answered with
 * empty pages, which would look like a quiet department.
 */
export function feedScope(actor: Actor, department?: string): Pick<ReadAllOptions, 'department' | 'departments'> {
  if (department !== undefined && !inScope(actor.departments, department)) {
    throw new ForbiddenError('AUTH.DEPARTMENT_OUT_OF_SCOPE', `Department ${department} is outside the credential's scope`, 'department');
  }
  return { department, departments: departmentFilter(actor.departments) };
}

/** A reader's filters and scope as the store reads them; `type=` and `types=` combine into one list. */
export function feedOptions(actor: Actor, filters: FeedFilters): Omit<ReadAllOptions, 'after' | 'limit'> {
  const types = [...(filters.type ? [filters.type] : []), ...(filters.types ? filters.types.split(',') : [])];
  return {
    types: types.length ? [...new Set(types)] : undefined,
    streamPrefix: filters.streamPrefix,
    budgetYear: filters.budgetYear,
    ...feedScope(actor, filters.department),
  };
}
