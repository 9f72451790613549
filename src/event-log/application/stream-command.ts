import { Injectable } from '@nestjs/common';
import { requireInScope } from '../../common/auth/department-scope.js';
import { ConcurrencyError } from '../../common/errors/domain-error.js';
import type { Tx } from '../../database/transaction-runner.js';
import type { EventCodec } from '../domain/event-definition.js';
import type { StoredEvent, StreamScope } from '../domain/event.js';
import { EventStore } from '../infrastructure/event-store.js';

type DomainEvent = { type: string; data: unknown };

/** Where a decision is taken: the stream's scope and the version it was decided on. */
export interface DecisionPoint {
  readonly scope: StreamScope;
  /** 0 for a stream that does not exist yet. */
  readonly version: number;
}

/** One command on one stream, as a use case describes it to `StreamCommands.run`. */
export interface StreamCommand<S, E extends DomainEvent> {
  readonly streamId: string;
  /** The stream's event definitions: every stored event is decoded with them, loudly. */
  readonly codec: EventCodec<E>;
  readonly initial: S;
  readonly evolve: (state: S, event: E) => S;
  /**
   * Folds the stored history when `evolve` one event at a time would be too slow (a stocktake's
   * thousands of counts, folded in place); the new events still go through `evolve`.
   */
  readonly fold?: (events: readonly E[]) => S;
  /** What a missing stream, or one of a department outside the caller's scope, answers. */
  readonly notFound: () => Error;
  /** The scope a new stream is filed under; absent, the stream must already exist. */
  readonly create?: StreamScope;
  /**
   * The stream id was generated for this command (a random uuid), so the stream cannot exist
   * yet: nothing is read (one round trip less), and `no_stream` still refuses a clash.
   */
  readonly fresh?: boolean;
  /** The version the client last saw (If-Match); a stale one is a 409 before anything is decided. */
  readonly ifMatch?: number;
  /** The year an event is filed under when it is not the stream's own (an asset's events, by their dates). */
  readonly budgetYearOf?: (event: E, scope: StreamScope) => number | null;
  /** Gathers the facts it needs (in the same transaction) and calls the pure decider. */
  readonly decide: (state: S, at: DecisionPoint) => readonly E[] | Promise<readonly E[]>;
}

export interface StreamCommandResult<S, E extends DomainEvent> {
  /** The state after the new events. */
  readonly state: S;
  readonly events: readonly E[];
  readonly stored: readonly StoredEvent[];
  readonly scope: StreamScope;
  /** The stream's version after the append. */
  readonly version: number;
}

/**
 * The one write path: load the stream, decode its events, check the caller's department scope
 * and If-Match, decide, stamp the schema version, append with the version it was decided on,
 * in the caller's transaction. A concurrent writer that commits first makes the append fail
 * (ConcurrencyError, 409): the decision is never applied to a state it was not taken on.
 */
@Injectable()
export class StreamCommands {
  constructor(private readonly store: EventStore) {}

  async run<S, E extends DomainEvent>(tx: Tx, command: StreamCommand<S, E>): Promise<StreamCommandResult<S, E>> {
    const history = command.fresh && command.create ? [] : await this.store.readStream(tx.manager, command.streamId);
    const version = history.length === 0 ? 0 : history[history.length - 1].streamVersion;
    const scope: StreamScope | undefined =
      history.length === 0 ? command.create : { department: history[0].department, budgetYear: history[0].budgetYear };
    if (!scope) throw command.notFound();
    // Before any other check: a stream of another department answers exactly like a missing one.
    requireInScope(tx.context.actor, scope.department, command.notFound);
    if (command.ifMatch !== undefined && command.ifMatch !== version) {
      throw new ConcurrencyError(command.streamId, String(command.ifMatch), String(version));
    }
    const decoded = history.map((e) => command.codec.decode(e));
    let state = command.fold ? command.fold(decoded) : decoded.reduce(command.evolve, command.initial);

    const events = await command.decide(state, { scope, version });
    const stored = await this.append(tx, command, scope, events, version);
    for (const event of events) state = command.evolve(state, event);
    return { state, events, stored, scope, version: version + events.length };
  }

  /**
   * Events that open new streams nobody else can know yet (a card per accepted unit, ids just
   * generated): nothing to load or decide on, so no read; `no_stream` still refuses a clash.
   */
  start<E extends DomainEvent>(
    tx: Tx,
    streamId: string,
    scope: StreamScope,
    codec: EventCodec<E>,
    events: readonly E[],
  ): Promise<StoredEvent[]> {
    return this.appendUnread(tx, streamId, scope, codec, events, 'no_stream');
  }

  /**
   * `start` for a stream whose events are too large for one statement (a register import's
   * batches): one statement per event, the projections once over all of them (EventStore.appendInParts).
   */
  startInParts<E extends DomainEvent>(
    tx: Tx,
    streamId: string,
    scope: StreamScope,
    codec: EventCodec<E>,
    events: readonly E[],
    onEach?: (written: number) => void,
  ): Promise<StoredEvent[]> {
    return this.store.appendInParts(
      tx,
      streamId,
      scope,
      events.map((e) => codec.encode(e)),
      onEach,
    );
  }

  /**
   * `start` for many streams at once (an acceptance's cards): one statement for all of them,
   * refused whole if any of them exists.
   */
  startAll<E extends DomainEvent>(
    tx: Tx,
    codec: EventCodec<E>,
    streams: readonly { streamId: string; scope: StreamScope; events: readonly E[] }[],
  ): Promise<StoredEvent[]> {
    return this.store.appendToNewStreams(
      tx,
      streams.map((s) => ({ streamId: s.streamId, scope: s.scope, events: s.events.map((e) => codec.encode(e)) })),
    );
  }

  /**
   * Events that follow from a decision taken elsewhere in this transaction and expect nothing of
   * their stream (a cross-check change, decided under its department-year lock): appended at
   * whatever version the stream is at.
   */
  record<E extends DomainEvent>(
    tx: Tx,
    streamId: string,
    scope: StreamScope,
    codec: EventCodec<E>,
    events: readonly E[],
  ): Promise<StoredEvent[]> {
    return this.appendUnread(tx, streamId, scope, codec, events, 'any');
  }

  private appendUnread<E extends DomainEvent>(
    tx: Tx,
    streamId: string,
    scope: StreamScope,
    codec: EventCodec<E>,
    events: readonly E[],
    expected: 'no_stream' | 'any',
  ): Promise<StoredEvent[]> {
    return this.store.append(
      tx,
      streamId,
      scope,
      events.map((e) => codec.encode(e)),
      expected,
    );
  }

  /** In runs of events filed under the same year, each run expecting the version the last one left. */
  private async append<S, E extends DomainEvent>(
    tx: Tx,
    command: StreamCommand<S, E>,
    scope: StreamScope,
    events: readonly E[],
    version: number,
  ): Promise<StoredEvent[]> {
    const stored: StoredEvent[] = [];
    let at = version;
    let i = 0;
    while (i < events.length) {
      const year = command.budgetYearOf ? command.budgetYearOf(events[i], scope) : scope.budgetYear;
      let j = i + 1;
      while (j < events.length && (command.budgetYearOf ? command.budgetYearOf(events[j], scope) : scope.budgetYear) === year) j++;
      const run = events.slice(i, j).map((e) => command.codec.encode(e));
      stored.push(
        ...(await this.store.append(
          tx,
          command.streamId,
          { department: scope.department, budgetYear: year },
          run,
          at === 0 ? 'no_stream' : at,
        )),
      );
      at += run.length;
      i = j;
    }
    return stored;
  }
}
