import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { bearerToken } from '../../common/auth/authenticator.js';

/** The bearer credential the request authenticated with (the access guard has verified it). */
export const BearerCredential = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => bearerToken(ctx.switchToHttp().getRequest<Request>().headers.authorization) ?? '',
);
