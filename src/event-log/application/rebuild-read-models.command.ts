import { Command } from '@nestjs/cqrs';

export interface RebuildResult {
  projections: string[];
  events: number;
  headPosition: string;
}

export class RebuildReadModelsCommand extends Command<RebuildResult> {}
