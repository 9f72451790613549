import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/transaction-runner.js';
import type { StoredEvent } from '../domain/event.js';

/**
 * A reaction that must never be lost or doubled (acceptance → asset cards, re-evaluating the
 * cross-checks), run inside the transaction that appended its cause: it commits or rolls back
 * with it, so there is no checkpoint to keep. Unlike a projection it may append events of its
 * own (with `tx` whose causationId is the triggering event), and it is NOT replayed by a
 * read-model rebuild: what it appended is already in the log.
 */
export interface Reactor {
  readonly name: string;
  /** Called once per append, with the events it stored (the reactor filters what it cares about). */
  react(tx: Tx, events: readonly StoredEvent[]): Promise<void>;
}

@Injectable()
export class ReactorRegistry {
  private readonly reactors: Reactor[] = [];

  register(reactor: Reactor): void {
    if (this.reactors.some((r) => r.name === reactor.name)) return;
    this.reactors.push(reactor);
  }

  async react(tx: Tx, events: readonly StoredEvent[]): Promise<void> {
    for (const reactor of this.reactors) await reactor.react(tx, events);
  }
}

/** The same transaction, with the reaction's events marked as caused by `event`. */
export function causedBy(tx: Tx, event: StoredEvent): Tx {
  return {
    manager: tx.manager,
    afterCommit: (effect) => tx.afterCommit(effect),
    context: { ...tx.context, causationId: event.eventId },
  };
}
