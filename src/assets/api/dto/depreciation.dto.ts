import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { ASSET_CATEGORY_NAMES } from '../../../catalog/index.js';
import { DepartmentParams } from '../../../common/http/department-year.params.js';

export class DepreciationMonthParams extends DepartmentParams {
  @ApiProperty({ example: '2024-06', description: 'The month (YYYY-MM)' })
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'yearMonth must be a month written YYYY-MM, such as 2024-06' })
  yearMonth: string;
}

export class AsOfQueryDto {
  @ApiPropertyOptional({
    example: '2024-12-31',
    description: 'YYYY-MM-DD: the depreciation figures as of that date’s month (the last month posted by then); default today',
  })
  @IsOptional()
  @IsString()
  asOf?: string;
}

const YUAN = { example: '6000.00', description: '元, 2 decimals' };

export class DepreciationFiguresView {
  @ApiProperty({ example: 120, description: 'Cards held at the end of the month' }) cards: number;
  @ApiProperty({ ...YUAN, description: '原值 (元)' }) originalValue: string;
  @ApiProperty({ ...YUAN, example: '83.33', description: '本月计提折旧 (元)' }) charge: string;
  @ApiProperty({ ...YUAN, example: '249.99', description: '累计折旧 at the end of the month (元)' }) accumulatedDepreciation: string;
  @ApiProperty({ ...YUAN, example: '5750.01', description: '净值 = 原值 − 累计折旧 (元)' }) netValue: string;
}

export class CategoryDepreciationView extends DepreciationFiguresView {
  @ApiProperty({ enum: ASSET_CATEGORY_NAMES, example: '通用设备（除车辆）' }) category: string;
  @ApiProperty({ example: 'general_equipment' }) categoryCode: string;
}

export class DepreciationMonthView {
  @ApiProperty({ example: '731' }) department: string;
  @ApiProperty({ example: '2024-06' }) yearMonth: string;
  @ApiProperty({ type: [CategoryDepreciationView], description: 'Every category, in disclosure order' })
  categories: CategoryDepreciationView[];
  @ApiProperty({ type: DepreciationFiguresView }) total: DepreciationFiguresView;
  @ApiProperty({ description: 'sha256 of the posting (department, month, categories)', pattern: '^[0-9a-f]{64}$' })
  contentHash: string;
}

export class CategoryChargeView {
  @ApiProperty({ enum: ASSET_CATEGORY_NAMES }) category: string;
  @ApiProperty({ example: 'general_equipment' }) categoryCode: string;
  @ApiProperty({ example: '999.96', description: '本年计提折旧 (元)' }) charge: string;
  @ApiProperty({ example: '0.10', description: '本年计提折旧 (万元)' }) chargeWan: string;
}

export class DepreciationYearView {
  @ApiProperty({ example: '731' }) department: string;
  @ApiProperty({ example: 2024 }) year: number;
  @ApiProperty({ type: [DepreciationMonthView], description: "The year's posted months, in order" }) months: DepreciationMonthView[];
  @ApiProperty({ type: [CategoryChargeView], description: 'The posted months’ charges summed by category (empty without a posting)' })
  charges: CategoryChargeView[];
}
