import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RelayStatus } from '../event-log/index.js';

class RelayStatusView implements RelayStatus {
  @ApiProperty({
    enum: ['up', 'retrying', 'down', 'standby'],
    description: '`standby`: another process or instance publishes; this one takes over when that one stops',
  })
  state: 'up' | 'retrying' | 'down' | 'standby';
  @ApiProperty({ description: 'Events of the log not yet published' }) lag: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastPublishedAt: string | null;
}

/** GET /health: 200 while the database answers (a broker outage keeps it 200). */
export class HealthView {
  @ApiProperty({ example: 'ok' }) status: string;
  @ApiProperty({ enum: ['pglite', 'postgres'] }) database: 'pglite' | 'postgres';
  @ApiProperty({ type: 'object', additionalProperties: true, description: "@nestjs/terminus's indicator results" })
  info: Record<string, unknown> | undefined;
  @ApiPropertyOptional({ type: RelayStatusView, description: 'With NATS_URL only' }) relay?: RelayStatusView;
}
