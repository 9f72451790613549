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

  async apply(tx: EntityManager, events: readonly StoredEvent[]): Promise<void> {
    for (const event of events) for (const projection of this.projections) await projection.apply(tx, event);
  }
}
