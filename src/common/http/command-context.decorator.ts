import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
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

/**
 * Every route that takes a command context takes an Idempotency-Key, so it can answer 422
 * IDEMPOTENCY.KEY_REUSED: documented here once rather than on each route, where it would be
 * forgotten on the next one (the e2e response check fails on an undocumented status).
 * Parameter decorators run before the method's own, so a route's more specific 422 still wins.
 */
const documentIdempotency: ParameterDecorator = (target, key) => {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) return;
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Client retry key (1–200 visible ASCII): a retry of an applied request answers the first answer and writes nothing',
  })(target, key, descriptor);
  ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY.KEY_REUSED: this Idempotency-Key was used for a different request' })(
    target,
    key,
    descriptor,
  );
};

/** The actor, correlation id and idempotency key of a write request. */
export const Ctx = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => commandContextOf(ctx.switchToHttp().getRequest<Request>()),
  [documentIdempotency],
);
