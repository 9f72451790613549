import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../../domain/event.js';

/**
 * The streams a transaction has appended to, whole, so that what runs after the append in the
 * same transaction (projections folding the stream, reactors reading it) need not read back what
 * the command has just read and written: one round trip less per projection or reactor.
 *
 * Only a stream this transaction appended to is served from memory: the append advanced its
 * streams row, which stays locked until the transaction ends, so no other writer can add to it
 * meanwhile, and its history is the one the command read (the append succeeded at exactly the
 * version that read ended with) plus the events appended. A stream only read may still change
 * under READ COMMITTED, so it is always read from the database. Keyed by the transaction's own
 * manager: a new transaction (a retry too) starts with nothing.
 */
export class AppendedStreams {
  private readonly read = new WeakMap<EntityManager, Map<string, readonly StoredEvent[]>>();
  private readonly owned = new WeakMap<EntityManager, Map<string, StoredEvent[]>>();

  /** The stream up to `toVersion` (whole without it) if this transaction appended to it, else undefined. */
  history(tx: EntityManager, streamId: string, toVersion?: number): StoredEvent[] | undefined {
    const known = this.owned.get(tx)?.get(streamId);
    if (!known) return undefined;
    return toVersion === undefined ? [...known] : known.filter((e) => e.streamVersion <= toVersion);
  }

  /** A whole stream as the transaction read it (it becomes the base of its own appends). */
  wasRead(tx: EntityManager, streamId: string, history: readonly StoredEvent[]): void {
    if (inTransaction(tx)) mapOf(this.read, tx).set(streamId, history);
  }

  /** Events this transaction appended to one stream, in version order. */
  appended(tx: EntityManager, streamId: string, stored: readonly StoredEvent[]): void {
    if (stored.length === 0 || !inTransaction(tx)) return;
    const owned = mapOf(this.owned, tx);
    const base = owned.get(streamId) ?? this.read.get(tx)?.get(streamId) ?? [];
    const last = base.length === 0 ? 0 : base[base.length - 1].streamVersion;
    // Only a contiguous history is a whole one: else (the stream was not read whole first) forget it.
    if (last === stored[0].streamVersion - 1) owned.set(streamId, [...base, ...stored]);
    else owned.delete(streamId);
  }
}

// The data source's own manager outlives every request: nothing may be remembered against it.
const inTransaction = (tx: EntityManager) => tx.queryRunner?.isTransactionActive === true;

function mapOf<V>(maps: WeakMap<EntityManager, Map<string, V>>, tx: EntityManager): Map<string, V> {
  let map = maps.get(tx);
  if (!map) maps.set(tx, (map = new Map()));
  return map;
}
