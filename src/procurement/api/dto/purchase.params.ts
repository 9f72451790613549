import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { NormalizedCode } from '../../../common/http/validation.js';
import { PageQuery } from '../../../common/http/page.query.js';
import { PURCHASE_LIMITS } from '../../domain/purchase-rules.js';
import { PURCHASE_STATUSES, type PurchaseStatus } from '../../domain/purchase.state.js';

export class PurchaseIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a purchase id (uuid)' })
  id: string;
}

export class ListPurchasesQueryDto extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(PURCHASE_LIMITS.projectCode) projectCode?: string;
  @ApiPropertyOptional({ description: 'Trimmed and upper-cased first' })
  @NormalizedCode()
  @IsOptional()
  @IsString()
  @MaxLength(20)
  catalogCode?: string;
  @ApiPropertyOptional({ enum: PURCHASE_STATUSES })
  @IsOptional()
  @IsIn(PURCHASE_STATUSES, { message: `status must be one of ${PURCHASE_STATUSES.join(', ')}` })
  status?: PurchaseStatus;
}
