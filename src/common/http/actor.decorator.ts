import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../context/command-context.js';
import { UnauthenticatedError } from '../errors/domain-error.js';

/** The request as the access guard leaves it: authenticated routes always carry an actor. */
export type AuthenticatedRequest = Request & { actor?: Actor };

/**
 * The authenticated caller. A handler asking for it on a route the guard let through without
 * credentials (a `@Public()` one) gets a 401, never a stand-in actor.
 */
export function actorOf(req: Request): Actor {
  const actor = (req as AuthenticatedRequest).actor;
  if (!actor) throw new UnauthenticatedError('AUTH.REQUIRED', 'This request needs credentials (Authorization: Bearer …)');
  return actor;
}

/** Who is asking, for queries that must filter by department scope. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext) => actorOf(ctx.switchToHttp().getRequest<Request>()));
