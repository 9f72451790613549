import { ApiProperty } from '@nestjs/swagger';
import type { RebuildResult } from '../../application/rebuild-read-models.command.js';

export class RebuildView implements RebuildResult {
  @ApiProperty({ type: [String], description: 'The read models rebuilt' }) projections: string[];
  @ApiProperty({ description: 'Events replayed' }) events: number;
  @ApiProperty({ example: '1042', description: 'Log position the read models now reflect' }) headPosition: string;
}
