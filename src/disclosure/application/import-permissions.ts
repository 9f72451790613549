import { inScope } from '../../common/auth/department-scope.js';
import { rolesGrant, type Permission } from '../../common/auth/permissions.js';
import type { Actor } from '../../common/context/command-context.js';
import { ForbiddenError } from '../../common/errors/domain-error.js';
import type { DisclosureDocument } from '../domain/disclosure-document.js';

/**
 * The department is the document's, so the access guard cannot check it: the import needs what
 * the officer's own commands would, budget:write and purchases:write for that department, and
 * assets:write when the document has a holdings table.
 */
export function requireImportPermissions(actor: Actor, document: DisclosureDocument): void {
  const department = document.header!.department;
  const needed: Permission[] = ['budget:write', 'purchases:write', ...(document.holdings ? (['assets:write'] as const) : [])];
  const missing = needed.filter((p) => !rolesGrant(actor.roles ?? [], p));
  if (missing.length > 0) {
    throw new ForbiddenError('AUTH.PERMISSION_DENIED', `Importing this document needs ${missing.join(', ')}`, 'file', { missing });
  }
  if (!inScope(actor.departments, department)) {
    throw new ForbiddenError('AUTH.DEPARTMENT_OUT_OF_SCOPE', `Department ${department} is outside the credential's scope`, 'file');
  }
}
