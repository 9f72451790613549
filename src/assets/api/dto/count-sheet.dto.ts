import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery, PageView } from '../../../common/http/page.query.js';

const SHEET_STATUSES = ['uncounted', 'found', 'missing'] as const;

export class CountSheetFilterDto {
  @ApiPropertyOptional({ description: '存放地点, exactly (the card’s current location)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ description: '使用人, exactly' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  custodian?: string;

  @ApiPropertyOptional({ description: 'Disclosure category: its name (通用设备（除车辆）) or code (general_equipment)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string;

  @ApiPropertyOptional({ enum: SHEET_STATUSES, description: 'uncounted: no count yet; found; missing: counted as not found' })
  @IsOptional()
  @IsIn(SHEET_STATUSES, { message: `status must be one of ${SHEET_STATUSES.join(', ')}` })
  status?: (typeof SHEET_STATUSES)[number];
}

export class CountSheetQueryDto extends IntersectionType(PageQuery, CountSheetFilterDto) {
  @ApiPropertyOptional({
    description:
      '资产编号 of the last line of the previous page: the page starts after it (and `offset` counts from there). ' +
      'Walking a large sheet this way costs each page its own lines; by `offset` alone a page costs every line before it.',
    example: '731-2024-000500',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string;
}

export class SheetCountView {
  @ApiProperty({ example: true }) found: boolean;
  @ApiProperty({ description: 'Items found ("0" when not found)', example: '1' }) quantity: string;
  @ApiProperty({ type: String, nullable: true, example: null }) note: string | null;
}

export class SheetLineView {
  @ApiProperty({ format: 'uuid' }) assetId: string;
  @ApiProperty({ example: '731-2024-000001' }) assetNo: string;
  @ApiProperty({ example: '台式计算机' }) name: string;
  @ApiProperty({ example: '通用设备（除车辆）' }) category: string;
  @ApiProperty({ example: 'general_equipment' }) categoryCode: string;
  @ApiProperty({ type: String, nullable: true, example: '办公楼301' }) location: string | null;
  @ApiProperty({ type: String, nullable: true, example: '张三' }) custodian: string | null;
  @ApiProperty({ type: String, nullable: true, example: '台' }) unit: string | null;
  @ApiProperty({ description: 'Items on the card in the stocktake’s scope', example: '1' }) bookQuantity: string;
  @ApiProperty({ description: '原值, 元', example: '5000.00' }) bookValue: string;
  @ApiProperty({
    description: '累计折旧 as of the stocktake’s asOf (the card’s, as GET /assets/:id?asOf= gives it), 元',
    example: '750.00',
  })
  bookAccumulatedDepreciation: string;
  @ApiProperty({ description: '净值 as of the stocktake’s asOf, 元', example: '4250.00' }) bookNetValue: string;
  @ApiProperty({ type: SheetCountView, nullable: true, description: 'The latest count; null: not counted yet' })
  count: SheetCountView | null;
}

export const SheetLinePage = PageView(SheetLineView);

class CountsProgressView {
  @ApiProperty({ example: 100000 }) cards: number;
  @ApiProperty({ example: 50000 }) counted: number;
  @ApiProperty({ example: 50000 }) uncounted: number;
}

export class CountsImportResponse {
  @ApiProperty({ format: 'uuid' }) stocktakeId: string;
  @ApiProperty({ description: 'Rows with 实盘数量 filled in', example: 50000 }) counted: number;
  @ApiProperty({ description: 'Counts that differ from the card’s latest one (the rest wrote nothing)', example: 50000 }) changed: number;
  @ApiProperty({ description: 'AssetsCounted events appended (at most 1,000 counts each)', example: 50 }) events: number;
  @ApiProperty({ type: CountsProgressView }) progress: CountsProgressView;
}
