import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/http/page.query.js';

export class PurchaseIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a purchase id (uuid)' })
  id: string;
}

export const PURCHASE_STATUSES = ['planned', 'contracted', 'partially_accepted', 'accepted', 'cancelled'] as const;

export class ListPurchasesQueryDto extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) projectCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) catalogCode?: string;
  @ApiPropertyOptional({ enum: PURCHASE_STATUSES })
  @IsOptional()
  @IsIn(PURCHASE_STATUSES, { message: `status must be one of ${PURCHASE_STATUSES.join(', ')}` })
  status?: (typeof PURCHASE_STATUSES)[number];
}
