import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEPARTMENT_CODE, EVENT_TYPE } from '../../../common/validation/patterns.js';
import { CONSUMER_NAME } from '../../domain/consumer-checkpoint.js';

const EVENT_TYPES = new RegExp(`^${EVENT_TYPE.source.slice(1, -1)}(,${EVENT_TYPE.source.slice(1, -1)}){0,49}$`);

/** The filters a reader of the log may combine, on the paged feed and the live tail alike. */
export class FeedFilterDto {
  @ApiPropertyOptional({ description: 'Opaque cursor: the `next` of the previous page. Absent: from the start.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  after?: string;

  @ApiPropertyOptional({ description: 'Only events of this type, e.g. PurchasePlanned (kept for older clients; see `types`)' })
  @IsOptional()
  @Matches(EVENT_TYPE, { message: 'type must be an event type name such as PurchasePlanned' })
  type?: string;

  @ApiPropertyOptional({ description: 'Only events of these types, comma-separated: PurchasePlanned,PurchaseAccepted' })
  @IsOptional()
  @Matches(EVENT_TYPES, { message: 'types must be up to 50 event type names separated by commas, e.g. PurchasePlanned,PurchaseAccepted' })
  types?: string;

  @ApiPropertyOptional({ description: 'Only events of streams whose id starts with this, e.g. purchase-' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'streamPrefix must be the start of a stream id, e.g. purchase-' })
  streamPrefix?: string;

  @ApiPropertyOptional({ description: 'Only events filed under this budget year', example: 2024 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'budgetYear must be a year from 2000 to 2100' })
  @Min(2000, { message: 'budgetYear must be a year from 2000 to 2100' })
  @Max(2100, { message: 'budgetYear must be a year from 2000 to 2100' })
  budgetYear?: number;

  @ApiPropertyOptional({ description: 'Only events of this department code, e.g. 731' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: 'department must be a department code of 1 to 32 letters or digits' })
  department?: string;
}

export class FeedQueryDto extends FeedFilterDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer from 1 to 1000' })
  @Min(1, { message: 'limit must be an integer from 1 to 1000' })
  @Max(1000, { message: 'limit must be an integer from 1 to 1000' })
  limit: number = 100;

  @ApiPropertyOptional({
    description:
      "A consumer's name (PUT /consumers/:name/checkpoint): the page adds its `lag`; without `after` it starts at its checkpoint",
  })
  @IsOptional()
  @Matches(CONSUMER_NAME, { message: 'consumer must be a consumer name of 1 to 64 letters, digits, ., _ or -' })
  consumer?: string;
}
