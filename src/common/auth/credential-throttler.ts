import { type ExecutionContext, Injectable } from '@nestjs/common';
import { normalizeIp, ThrottlerException, ThrottlerGuard, ThrottlerStorageService } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../http/actor.decorator.js';

/** The throttler's one named limit; its window and budgets come from configuration (auth.module.ts). */
export const THROTTLER_NAME = 'default';

/**
 * Rate limits per credential, not per route: an authenticated request counts against its API key
 * or token subject (`RATE_LIMIT`), anything else — public routes and failed authentications —
 * against the client IP (`RATE_LIMIT_ANONYMOUS`). Counters live in this process, so with several
 * instances the budget is per instance.
 */
@Injectable()
export class CredentialThrottler extends ThrottlerGuard {
  protected override async getTracker(req: object): Promise<string> {
    const actor = (req as AuthenticatedRequest).actor;
    return actor ? `${actor.kind}:${actor.id}` : ipTracker(req as AuthenticatedRequest);
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  /**
   * Refuses a client IP that is over its anonymous budget before its credentials are checked:
   * verifying a key costs a scrypt hash, which a flood of guessed secrets must not get for free.
   */
  refuseBlockedClient(context: ExecutionContext): void {
    const { req, res } = this.getRequestResponse(context);
    if (!(this.storageService instanceof ThrottlerStorageService)) return;
    const record = this.storageService.storage.get(this.generateKey(context, ipTracker(req as AuthenticatedRequest), THROTTLER_NAME));
    const now = Date.now();
    if (record?.isBlocked && record.blockExpiresAt > now) {
      this.setResponseHeader(res, 'Retry-After', Math.ceil((record.blockExpiresAt - now) / 1000));
      throw new ThrottlerException();
    }
  }
}

function ipTracker(req: AuthenticatedRequest): string {
  return `ip:${normalizeIp(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
}
