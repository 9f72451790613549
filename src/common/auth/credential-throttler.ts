import { type ExecutionContext, Injectable } from '@nestjs/common';
import { normalizeIp, ThrottlerException, ThrottlerGuard, type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../http/actor.decorator.js';

/** The throttler's one named limit; its window and budgets come from configuration (auth.module.ts). */
export const THROTTLER_NAME = 'default';

/**
 * Rate limits per credential, not per route: an authenticated request counts against its API key
 * or token subject (`RATE_LIMIT`), anything else — public routes and failed authentications —
 * against the client IP (`RATE_LIMIT_ANONYMOUS`). Counters live in Redis when REDIS_URL is set
 * (one budget across processes and instances), else in this process (a budget per process).
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
  async refuseBlockedClient(context: ExecutionContext): Promise<void> {
    const { req, res } = this.getRequestResponse(context);
    const blockedForMs = await blockedFor(
      this.storageService,
      this.generateKey(context, ipTracker(req as AuthenticatedRequest), THROTTLER_NAME),
    );
    if (blockedForMs > 0) {
      this.setResponseHeader(res, 'Retry-After', Math.ceil(blockedForMs / 1000));
      throw new ThrottlerException();
    }
  }
}

/** A storage that can tell how long a key stays blocked without counting a hit (the Redis one). */
export interface BlockAwareStorage extends ThrottlerStorage {
  blockedForMs(key: string): Promise<number>;
}

async function blockedFor(storage: ThrottlerStorage, key: string): Promise<number> {
  if (storage instanceof ThrottlerStorageService) {
    const record = storage.storage.get(key);
    return record?.isBlocked ? Math.max(0, record.blockExpiresAt - Date.now()) : 0;
  }
  return 'blockedForMs' in storage ? (storage as BlockAwareStorage).blockedForMs(key) : 0;
}

function ipTracker(req: AuthenticatedRequest): string {
  return `ip:${normalizeIp(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
}
