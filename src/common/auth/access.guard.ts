import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error.js';
import type { AuthenticatedRequest } from '../http/actor.decorator.js';
import { ACCESS_METADATA, type AccessRule } from './access.decorator.js';
import { Authenticator, bearerToken } from './authenticator.js';
import { CredentialThrottler } from './credential-throttler.js';
import { inScope } from './department-scope.js';
import { rolesGrant } from './permissions.js';

/**
 * The one gate of every route (registered as APP_GUARD), default-deny:
 * no rule → refused; `@Public()` → rate-limited by client IP only; `@Allow(p)` → a verified
 * bearer token (401), rate-limited per credential, whose roles grant `p` (403) and whose
 * departments include the route's `:dept`, or all of them for an `allDepartments` rule (403). Routes addressing one resource by id check its
 * department in the handler (404), since only the handler knows it.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly throttler: CredentialThrottler,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} has no @Allow/@Public rule; refused`);
      throw new ForbiddenError('AUTH.NO_ACCESS_RULE', 'This route has no access rule, so nobody may call it');
    }
    if (rule.public) return this.throttler.canActivate(context);

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    await this.throttler.refuseBlockedClient(context);
    const token = bearerToken(req.headers.authorization);
    const actor = token === null ? null : await this.authenticator.authenticate(token);
    if (actor) req.actor = actor;
    // Counted before the verdict, so failed authentications use up the client IP's budget.
    await this.throttler.canActivate(context);
    if (!actor) {
      throw token === null
        ? new UnauthenticatedError('AUTH.REQUIRED', 'This request needs credentials: Authorization: Bearer <API key or token>')
        : new UnauthenticatedError('AUTH.INVALID_CREDENTIALS', 'The credentials are invalid, expired or revoked');
    }
    if (!rolesGrant(actor.roles ?? [], rule.permission)) {
      throw new ForbiddenError('AUTH.PERMISSION_DENIED', `The credential's roles do not grant ${rule.permission}`, undefined, {
        missing: [rule.permission],
      });
    }
    if (rule.allDepartments && actor.departments !== '*') {
      throw new ForbiddenError('AUTH.DEPARTMENT_OUT_OF_SCOPE', 'This acts on every department; it needs a credential for all ("*")');
    }
    const dept = req.params?.dept;
    if (typeof dept === 'string' && !inScope(actor.departments, dept)) {
      throw new ForbiddenError('AUTH.DEPARTMENT_OUT_OF_SCOPE', `Department ${dept} is outside the credential's scope`, 'dept');
    }
    return true;
  }
}
