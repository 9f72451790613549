import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ASSET_STATUSES, type AssetStatus } from '../../domain/asset.state.js';
import { PageQuery } from '../../../common/http/page.query.js';
import { DepartmentParams } from '../../../common/http/department-year.params.js';

export class OpeningHoldingsParams extends DepartmentParams {
  @ApiProperty({ example: '2023-12-31', description: 'The date the figures hold as of (YYYY-MM-DD)' })
  @IsString()
  date: string;
}

export class AssetIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be an asset id (uuid)' })
  id: string;
}

export class StocktakeIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a stocktake id (uuid)' })
  id: string;
}

export class ListAssetsQueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'Disclosure category: its name (通用设备（除车辆）) or code (general_equipment)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string;

  @ApiPropertyOptional({ enum: ASSET_STATUSES })
  @IsOptional()
  @IsIn(ASSET_STATUSES, { message: `status must be one of ${ASSET_STATUSES.join(', ')}` })
  status?: AssetStatus;

  @ApiPropertyOptional({ description: '资产编号, exactly' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  assetNo?: string;

  @ApiPropertyOptional({ description: 'Part of the name or catalog code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class HoldingsQueryDto {
  @ApiPropertyOptional({ example: '2024-12-31', description: 'YYYY-MM-DD; default today (China time)' })
  @IsOptional()
  @IsString()
  asOf?: string;
}

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Validate and report without writing' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}
