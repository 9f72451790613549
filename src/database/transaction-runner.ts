import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CommandContext } from '../common/context/command-context.js';
import { UnprocessableError } from '../common/errors/domain-error.js';
import { IdempotencyRepository } from './idempotency.repository.js';

/**
 * One command, one transaction. `manager` is the only handle to the database inside it: on
 * PGlite a second checkout would wait for this one forever, and on PostgreSQL it would escape
 * the transaction.
 */
export interface Tx {
  readonly manager: EntityManager;
  readonly context: CommandContext;
  /** Runs after COMMIT only (metrics, notifications); never for anything that must not be lost. */
  afterCommit(effect: () => void): void;
}

@Injectable()
export class TransactionRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyRepository,
  ) {}

  /**
   * Runs `work` in a transaction. With an idempotency key, a retry of an applied command
   * returns the stored first answer and writes nothing; the key row is inserted first, so a
   * concurrent duplicate blocks on it and then replays instead of running twice.
   *
   * The result must be a plain JSON value (the API's view, money as strings): it is what a
   * replay returns, so the first answer and the replayed one must be the same thing.
   */
  async run<T>(context: CommandContext, work: (tx: Tx) => Promise<T>): Promise<T> {
    const effects: Array<() => void> = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const key = context.idempotency;
      if (key) {
        const previous = await this.idempotency.claim(manager, key.scope, key.key, key.requestHash);
        if (previous) {
          if (previous.requestHash !== key.requestHash) {
            throw new UnprocessableError(
              'IDEMPOTENCY.KEY_REUSED',
              'This Idempotency-Key was already used for a different request',
              'Idempotency-Key',
            );
          }
          return { replayed: true as const, value: previous.response as T };
        }
      }
      const value = await work({ manager, context, afterCommit: (effect) => effects.push(effect) });
      if (key) await this.idempotency.complete(manager, key.scope, key.key, value ?? null);
      return { replayed: false as const, value };
    });
    if (!result.replayed) for (const effect of effects) effect();
    return result.value;
  }
}
