import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class PurchaseIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a purchase id (uuid)' })
  id: string;
}

export const PURCHASE_STATUSES = ['planned', 'contracted', 'partially_accepted', 'accepted', 'cancelled'] as const;

export class ListPurchasesQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) projectCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) catalogCode?: string;
  @ApiPropertyOptional({ enum: PURCHASE_STATUSES })
  @IsOptional()
  @IsIn(PURCHASE_STATUSES, { message: `status must be one of ${PURCHASE_STATUSES.join(', ')}` })
  status?: (typeof PURCHASE_STATUSES)[number];

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;
}
