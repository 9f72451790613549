import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { type Actor, ANONYMOUS_ACTOR } from '../context/command-context.js';

export function actorOf(req: Request): Actor {
  return (req as Request & { actor?: Actor }).actor ?? ANONYMOUS_ACTOR;
}

/** Who is asking, for queries that must filter by department scope. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  actorOf(ctx.switchToHttp().getRequest<Request>()),
);
