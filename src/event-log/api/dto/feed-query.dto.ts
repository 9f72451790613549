import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DEPARTMENT_CODE, EVENT_TYPE } from '../../../common/validation/patterns.js';

export class FeedQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor: the `next` of the previous page. Absent: from the start.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer from 1 to 1000' })
  @Min(1, { message: 'limit must be an integer from 1 to 1000' })
  @Max(1000, { message: 'limit must be an integer from 1 to 1000' })
  limit: number = 100;

  @ApiPropertyOptional({ description: 'Only events of this type, e.g. PurchasePlanned' })
  @IsOptional()
  @Matches(EVENT_TYPE, { message: 'type must be an event type name such as PurchasePlanned' })
  type?: string;

  @ApiPropertyOptional({ description: 'Only events of this department code, e.g. 731' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: 'department must be a department code of 1 to 32 letters or digits' })
  department?: string;
}
