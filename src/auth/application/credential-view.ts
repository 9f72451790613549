import type { DepartmentScope } from '../../common/auth/department-scope.js';
import { type Permission, PERMISSIONS, rolesGrant } from '../../common/auth/permissions.js';
import type { Actor } from '../../common/context/command-context.js';

/** What a caller may know about its own credential: enough for a client to offer only what it may do. */
export interface CredentialView {
  id: string;
  kind: Actor['kind'];
  roles: string[];
  departments: DepartmentScope;
  permissions: Permission[];
}

export function credentialView(actor: Actor): CredentialView {
  const roles = [...(actor.roles ?? [])];
  return {
    id: actor.id,
    kind: actor.kind,
    roles,
    departments: actor.departments === '*' ? '*' : [...actor.departments].sort(),
    permissions: PERMISSIONS.filter((p) => rolesGrant(roles, p)),
  };
}
