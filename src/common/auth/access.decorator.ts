import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from '../http/openapi-completion.js';
import type { Permission } from './permissions.js';

export const ACCESS_METADATA = 'access:rule';

/** The rule a route is guarded by; a route without one is unreachable (default deny). */
export type AccessRule = { public: true } | { public: false; permission: Permission; allDepartments?: boolean };

/** Reachable without credentials (health, docs); the OpenAPI document shows it without a lock. */
export const Public = () =>
  applyDecorators(SetMetadata(ACCESS_METADATA, { public: true } satisfies AccessRule), ApiExtension(PUBLIC_EXTENSION, true));

/**
 * Needs `permission`; a `:dept` route parameter must also be in the caller's department scope
 * (403 otherwise). Routes addressing one resource by id check its department in the handler
 * and answer 404, so existence does not leak. `allDepartments`: the route acts on every
 * department at once (e.g. a rebuild of all read models), so only a credential for `*` may call it.
 */
export const Allow = (permission: Permission, options: { allDepartments?: boolean } = {}) =>
  SetMetadata(ACCESS_METADATA, {
    public: false,
    permission,
    ...(options.allDepartments ? { allDepartments: true } : {}),
  } satisfies AccessRule);
