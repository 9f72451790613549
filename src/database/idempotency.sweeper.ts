import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyRepository } from './idempotency.repository.js';

const EVERY_MS = 60 * 60 * 1000;

/** Keeps idempotency_keys bounded: expired keys are deleted hourly, in batches. */
@Injectable()
export class IdempotencySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencySweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly keys: IdempotencyRepository) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    let total = 0;
    try {
      let deleted: number;
      do {
        deleted = await this.keys.sweep();
        total += deleted;
      } while (deleted > 0);
      if (total > 0) this.logger.log(`deleted ${total} expired idempotency keys`);
    } catch (error) {
      // A failed sweep only delays cleanup; the next one retries.
      this.logger.warn(`idempotency key sweep failed: ${(error as Error).message}`);
    }
    return total;
  }
}
