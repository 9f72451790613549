import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { CommandContext } from '../context/command-context.js';
import { ValidationError } from '../errors/domain-error.js';
import { canonical } from '../json/canonical.js';
import { actorOf } from './actor.decorator.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export function commandContextOf(req: Request): CommandContext {
  const actor = actorOf(req);
  const correlationId = String((req as Request & { id?: unknown }).id ?? '');
  const key = req.header('idempotency-key');
  if (key === undefined) return { actor, correlationId };
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new ValidationError('VALIDATION.IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 200 visible ASCII characters', 'Idempotency-Key');
  }
  const requestHash = createHash('sha256')
    .update(`${req.method} ${req.path}\n${canonical(req.body ?? null)}`)
    .digest('hex');
  // A key is unique per actor: two clients choosing the same key never see each other's answer.
  return { actor, correlationId, idempotency: { scope: `${actor.kind}:${actor.id}`, key, requestHash } };
}

/** The actor, correlation id and idempotency key of a write request. */
export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext) => commandContextOf(ctx.switchToHttp().getRequest<Request>()));
