import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import type { AppConfig } from '../../config/app-config.js';

/**
 * One hit, atomically: a blocked key answers from its block; otherwise the window's counter is
 * incremented (its expiry set by the first hit of the window) and, past the limit, the key is
 * blocked for `blockDuration` and its counter dropped, so that after the block a new window
 * starts (as the in-process storage resets). Returns hits, ms left in the window, blocked 0/1,
 * ms left in the block.
 */
const HIT = `
local blockMs = redis.call('PTTL', KEYS[2])
if blockMs > 0 then
  return { tonumber(redis.call('GET', KEYS[2])), 0, 1, blockMs }
end
local hits = redis.call('INCR', KEYS[1])
local ttlMs = redis.call('PTTL', KEYS[1])
if ttlMs < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttlMs = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) and tonumber(ARGV[3]) > 0 then
  redis.call('SET', KEYS[2], hits, 'PX', ARGV[3])
  redis.call('DEL', KEYS[1])
  return { hits, ttlMs, 1, tonumber(ARGV[3]) }
end
return { hits, ttlMs, 0, 0 }
`;

interface WithHit {
  throttleHit(hitsKey: string, blockKey: string, ttlMs: number, limit: number, blockMs: number): Promise<[number, number, number, number]>;
}

/**
 * The rate-limit counters in Redis (REDIS_URL), so that every process and instance draws on one
 * budget per credential and client IP. Redis is not the register's data: while it cannot be
 * reached, each process counts in its own memory (a warning says so once) rather than refusing
 * requests or waiting for it, and goes back to Redis when it answers again.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly redis: Redis & WithHit;
  private readonly local = new ThrottlerStorageService();
  private readonly prefix: string;
  private degraded = false;

  constructor(config: AppConfig) {
    this.prefix = `${config.REDIS_KEY_PREFIX}rl:`;
    // No offline queue and one try: a request never waits for a Redis that is not there.
    this.redis = new Redis(config.REDIS_URL!, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1_000,
      connectionName: 'procurement-asset-register',
    }) as Redis & WithHit;
    this.redis.defineCommand('throttleHit', { numberOfKeys: 2, lua: HIT });
    this.redis.on('error', (error: Error) => this.degrade(error));
    this.redis.on('ready', () => {
      if (this.degraded) this.logger.log('rate limits are counted in Redis again');
      this.degraded = false;
    });
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    if (this.redis.status === 'ready') {
      try {
        const [totalHits, ttlMs, blocked, blockMs] = await this.redis.throttleHit(...this.keys(key), ttl, limit, blockDuration);
        return {
          totalHits,
          timeToExpire: Math.ceil(ttlMs / 1000),
          isBlocked: blocked === 1,
          timeToBlockExpire: Math.ceil(blockMs / 1000),
        };
      } catch (error) {
        this.degrade(error as Error);
      }
    }
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  /** Milliseconds `key` stays blocked (0: not blocked), without counting a hit. */
  async blockedForMs(key: string): Promise<number> {
    if (this.redis.status === 'ready') {
      try {
        return Math.max(0, await this.redis.pttl(this.keys(key)[1]));
      } catch (error) {
        this.degrade(error as Error);
      }
    }
    const record = this.local.storage.get(key);
    return record?.isBlocked ? Math.max(0, record.blockExpiresAt - Date.now()) : 0;
  }

  async onApplicationShutdown(): Promise<void> {
    this.local.onApplicationShutdown();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Both keys in one hash slot (`{…}`), so the script also runs on a Redis Cluster. */
  private keys(key: string): [string, string] {
    return [`${this.prefix}{${key}}:hits`, `${this.prefix}{${key}}:blocked`];
  }

  private degrade(error: Error): void {
    if (!this.degraded) this.logger.warn(`Redis unreachable, each process counts rate limits on its own meanwhile: ${error.message}`);
    this.degraded = true;
  }
}
