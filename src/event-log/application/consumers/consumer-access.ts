import { scopeCovers } from '../../../common/auth/department-scope.js';
import type { Actor } from '../../../common/context/command-context.js';
import { NotFoundError } from '../../../common/errors/domain-error.js';
import type { ConsumerCheckpoint } from '../../infrastructure/consumer-checkpoint.repository.js';

export const consumerNotFound = (name: string) => new NotFoundError('CONSUMER.NOT_FOUND', `No consumer ${name}`, 'name');

/**
 * A consumer belongs to the departments of the credential that created it: a caller whose scope
 * does not cover them is told it does not exist, as for another department's resources.
 */
export function requireVisible(actor: Actor, name: string, checkpoint: ConsumerCheckpoint | undefined): ConsumerCheckpoint {
  if (!checkpoint || !scopeCovers(actor.departments, checkpoint.departments)) throw consumerNotFound(name);
  return checkpoint;
}
