import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StoredEvent } from '../../domain/event.js';
import { toPublicEvent } from '../../domain/public-event.js';

export class EventMetadataView {
  @ApiProperty({ example: { id: 'key_1', kind: 'api_key' } })
  actor: { id: string; kind: string; roles?: string[] };

  @ApiProperty()
  correlationId: string;

  @ApiProperty({ nullable: true, type: String })
  causationId: string | null;
}

/** The public shape of an event. Adding fields is allowed; renaming or removing one is not. */
export class EventView {
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'PurchasePlanned' }) type: string;
  @ApiProperty({ example: 'purchase-3f0c…' }) streamId: string;
  @ApiProperty({ example: 1 }) streamVersion: number;
  @ApiProperty({ description: 'Global position (int8 as a decimal string)', example: '42' }) position: string;
  @ApiProperty({ example: '731' }) department: string;
  @ApiPropertyOptional({ nullable: true, type: Number, example: 2024 }) budgetYear: number | null;
  @ApiProperty({ example: 1 }) schemaVersion: number;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @ApiProperty({ type: EventMetadataView }) metadata: EventMetadataView;

  static of(event: StoredEvent): EventView {
    return toPublicEvent(event);
  }
}

export class FeedPageView {
  @ApiProperty({ type: [EventView] }) events: EventView[];
  @ApiProperty({ description: 'Pass back as `after` for the next page (also when this page is empty)' })
  next: string;
  @ApiProperty({ description: 'The cursor just past the newest event the caller can be served now' })
  head: string;
  @ApiPropertyOptional({ description: "With `consumer`: the caller's events after that consumer's checkpoint" })
  lag?: number;
}

export class StreamView {
  @ApiProperty() streamId: string;
  @ApiProperty({ description: 'Number of events in the stream' }) version: number;
  @ApiProperty({ type: [EventView] }) events: EventView[];
}
