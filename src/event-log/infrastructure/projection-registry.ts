import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REPLAY_SETTING } from '../../database/department-year-lock.js';
import type { StoredEvent } from '../domain/event.js';

/**
 * A read model kept up to date inside the appending transaction. It must be rebuildable from
 * the log alone: `apply` may depend only on the event and on rows it wrote itself, because a
 * rebuild replays in position order, which is not always the order transactions committed in.
 */
export interface Projection {
  readonly name: string;
  /** Tables this projection owns; a rebuild truncates them first. */
  readonly tables: readonly string[];
  apply(tx: EntityManager, event: StoredEvent): Promise<void>;
  /**
   * Optional: a run of consecutive events of one type (an acceptance's thousands of cards) in as
   * few statements as it can, writing exactly the rows `apply` one event at a time would (a
   * rebuild's batches cut runs anywhere, so both paths meet the same events). Answers false to
   * have the registry call `apply` per event instead (a type it does not batch).
   */
  applyBatch?(tx: EntityManager, events: readonly StoredEvent[]): Promise<boolean>;
}

@Injectable()
export class ProjectionRegistry {
  private readonly projections: Projection[] = [];

  register(projection: Projection): void {
    if (this.projections.some((p) => p.name === projection.name)) return;
    this.projections.push(projection);
  }

  all(): readonly Projection[] {
    return this.projections;
  }

  /** Empties every read model, inside the rebuild's transaction. */
  async reset(tx: EntityManager): Promise<void> {
    // A replay decides nothing: projections skip the locks live appends take (department-year-lock.ts).
    await tx.query(`SELECT set_config('${REPLAY_SETTING}', 'on', true)`);
    const tables = this.projections.flatMap((p) => p.tables);
    if (tables.length > 0) await tx.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')}`);
  }

  /**
   * Event by event, each through every projection; a run of consecutive events of one type goes
   * to each projection as a whole when it can batch it. Within such a run the order is
   * projection by projection instead of event by event, which is the same rows: a projection
   * writes only its own tables, and none reads another's for events of one type.
   */
  async apply(tx: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    let i = 0;
    while (i < events.length) {
      let j = i + 1;
      while (j < events.length && events[j].type === events[i].type) j++;
      if (j - i === 1) {
        for (const projection of this.projections) await projection.apply(tx, events[i]);
      } else {
        const run = events.slice(i, j);
        for (const projection of this.projections) {
          if (projection.applyBatch && (await projection.applyBatch(tx, run))) continue;
          for (const event of run) await projection.apply(tx, event);
        }
      }
      i = j;
    }
  }
}
