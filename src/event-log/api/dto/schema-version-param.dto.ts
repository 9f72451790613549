import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { EVENT_TYPE } from '../../../common/validation/patterns.js';

export class SchemaVersionParamDto {
  @ApiProperty({ example: 'PurchasePlanned' })
  @Matches(EVENT_TYPE, { message: 'type must be an event type name such as PurchasePlanned' })
  type: string;

  @ApiProperty({ example: 1, minimum: 1 })
  @Type(() => Number)
  @IsInt({ message: 'version must be a positive integer' })
  @Min(1, { message: 'version must be a positive integer' })
  @Max(1000, { message: 'version must be a positive integer' })
  version: number;
}
