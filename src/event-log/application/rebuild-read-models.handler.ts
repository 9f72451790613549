import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EventStore } from '../infrastructure/event-store.js';
import { ProjectionRegistry } from '../infrastructure/projection-registry.js';
import { RebuildReadModelsCommand, type RebuildResult } from './rebuild-read-models.command.js';

const BATCH = 1000;

/**
 * Replays the whole log into empty read models in one transaction: readers see the old state
 * or the new one, never a half-built one, and no append interleaves with the replay (on
 * PostgreSQL the TRUNCATE's lock holds inline projections of concurrent commands until commit).
 */
@CommandHandler(RebuildReadModelsCommand)
export class RebuildReadModelsHandler implements ICommandHandler<RebuildReadModelsCommand, RebuildResult> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly projections: ProjectionRegistry,
  ) {}

  execute(): Promise<RebuildResult> {
    return this.dataSource.transaction(async (tx) => {
      await this.projections.reset(tx);
      let after = '0';
      let events = 0;
      for (;;) {
        const batch = await this.store.readBatch(tx, after, BATCH);
        if (batch.length === 0) break;
        await this.projections.apply(tx, batch);
        events += batch.length;
        after = batch[batch.length - 1].position;
      }
      return { projections: this.projections.all().map((p) => p.name), events, headPosition: after };
    });
  }
}
