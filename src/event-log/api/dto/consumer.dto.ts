import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CONSUMER_NAME } from '../../domain/consumer-checkpoint.js';
import { encodeCursor, FEED_START } from '../../domain/feed-cursor.js';

const NAME_RULE = 'name must be 1 to 64 letters, digits, ., _ or -, starting with a letter or digit';

export class ConsumerNameParams {
  @ApiProperty({ example: 'budget-office-sync' })
  @Matches(CONSUMER_NAME, { message: NAME_RULE })
  name: string;
}

export class SetCheckpointRequest {
  @ApiProperty({ description: 'A feed cursor (a `next` of GET /events, or an SSE message id)', example: encodeCursor(FEED_START) })
  @IsString({ message: 'cursor must be a feed cursor string' })
  @MaxLength(64, { message: 'cursor must be a cursor returned as "next" by this feed' })
  cursor: string;
}

export class CheckpointQueryDto {
  @ApiPropertyOptional({ description: 'true: allow the checkpoint to move backwards (replay)', default: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'reset must be true or false' })
  reset: boolean = false;
}

export class ListConsumersQueryDto {
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be an integer from 0 to 100000' })
  @Min(0, { message: 'offset must be an integer from 0 to 100000' })
  @Max(100000, { message: 'offset must be an integer from 0 to 100000' })
  offset: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer from 1 to 500' })
  @Min(1, { message: 'limit must be an integer from 1 to 500' })
  @Max(500, { message: 'limit must be an integer from 1 to 500' })
  limit: number = 50;
}

export class ConsumerResponse {
  @ApiProperty({ example: 'budget-office-sync' }) name: string;
  @ApiProperty({ description: 'The checkpoint: a feed cursor; send it as If-Match to move it' }) cursor: string;
  @ApiProperty({ description: "Events after the checkpoint in the caller's scope, servable now" }) lag: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'The credential (API key id or user) that last moved it' }) updatedBy: string;
}

export class ConsumerListResponse {
  @ApiProperty({ type: [ConsumerResponse] }) items: ConsumerResponse[];
  @ApiProperty() total: number;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;
}
