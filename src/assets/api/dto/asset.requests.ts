import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ASSET_SOURCES, DISPOSAL_METHODS, USAGE_STATES } from '../../domain/asset-vocabulary.js';
import { MAX_COUNTS_PER_REQUEST } from '../../domain/decide-stocktake.js';
import { IsDecimalInput, NormalizedCode } from '../../../common/http/validation.js';
import { WarnsIfWanYuan } from '../../../common/http/amount-warnings.js';

const MONEY = { type: String, description: '元, a decimal string with at most 2 decimals' };
const COUNT = { type: Number, description: 'Number of items, a whole number ≥ 0' };
const CATEGORY = { example: '通用设备（除车辆）', description: 'Disclosure category: its name, or its code (general_equipment)' };
const terms = (table: Record<string, string>) =>
  Object.entries(table)
    .map(([k, v]) => `${k} (${v})`)
    .join(', ');

/** Shapes only; the domain enforces the rules and names the field. */
export class RegisterAssetRequest {
  @ApiProperty({ example: '台式计算机' }) @IsString() @MaxLength(500) name: string;
  @ApiProperty({
    example: 'A02010105',
    description: '政府采购品目 goods code (trimmed and upper-cased first); the category is derived from it',
  })
  @NormalizedCode()
  @IsString()
  @MaxLength(20)
  catalogCode: string;
  @ApiPropertyOptional({
    type: String,
    example: '1',
    description: 'Whole items; above 1 only for a batch card (家具用具, 图书档案). Default 1',
  })
  @IsOptional()
  @IsDecimalInput()
  quantity?: unknown;
  @ApiPropertyOptional({ example: '台' }) @IsOptional() @IsString() @MaxLength(20) unit?: string;
  @ApiProperty({ ...MONEY, example: '5000.00', description: '原值 of the whole card, 元' })
  @IsDefined()
  @IsDecimalInput()
  originalValue: unknown;
  @ApiProperty({ example: '2024-03-12' }) @IsString() acquiredOn: string;
  @ApiProperty({ example: 'transfer_in', description: terms(ASSET_SOURCES) }) @IsString() source: string;
  @ApiPropertyOptional({ example: '三楼办公室' }) @IsOptional() @IsString() @MaxLength(500) location?: string;
  @ApiPropertyOptional({ example: '张三' }) @IsOptional() @IsString() @MaxLength(200) custodian?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: '元 by funding source, summing to originalValue',
  })
  @IsOptional()
  @IsObject()
  funding?: Record<string, unknown>;
  @ApiPropertyOptional({ example: '731-2024-000042', description: '资产编号, unique in the department; default <dept>-<year>-<6 digits>' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  assetNo?: string;
  @ApiPropertyOptional({ example: '联想' }) @IsOptional() @IsString() @MaxLength(200) brand?: string;
  @ApiPropertyOptional({ example: 'ThinkCentre M920t' }) @IsOptional() @IsString() @MaxLength(400) model?: string;
  @ApiPropertyOptional({ example: '办公室', description: '使用部门' }) @IsOptional() @IsString() @MaxLength(400) usingDepartment?: string;
  @ApiPropertyOptional({ example: '2024-03-15', description: '财务入账日期' }) @IsOptional() @IsString() financeEntryDate?: string;
  @ApiPropertyOptional({ example: '记-2024-03-0012', description: '会计凭证号' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  voucherNo?: string;
  @ApiPropertyOptional({ example: 'in_use', description: `使用状况: ${terms(USAGE_STATES)}; default in_use` })
  @IsOptional()
  @IsString()
  usage?: string;
  @ApiPropertyOptional({
    type: 'integer',
    example: 96,
    description:
      '折旧年限 in months: longer than the minimum of the class under 财会〔2017〕4号 (e.g. 72 for a computer), never shorter; ' +
      'not for a class that is not depreciated (土地, 文物和陈列品, 图书档案, 特种动植物, 无形资产). Default: the minimum',
  })
  @IsOptional()
  @IsInt()
  usefulLifeMonths?: number;
}

const nullableText = (description: string, max: number) => [
  ApiPropertyOptional({ type: String, nullable: true, description: `${description}; null clears it` }),
  ValidateIf((_: object, v: unknown) => v !== null && v !== undefined),
  IsString(),
  MaxLength(max),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const d of decorators) d(target, key);
  };

/** PATCH /assets/:id: only the fields given change. */
export class ChangeAssetDetailsRequest {
  @ApiPropertyOptional({ example: '台式计算机' }) @IsOptional() @IsString() @MaxLength(500) name?: string;
  @apply(nullableText('计量单位', 20)) unit?: string | null;
  @apply(nullableText('品牌', 200)) brand?: string | null;
  @apply(nullableText('规格型号', 400)) model?: string | null;
  @apply(nullableText('使用部门', 400)) usingDepartment?: string | null;
  @apply(nullableText('财务入账日期 YYYY-MM-DD', 10)) financeEntryDate?: string | null;
  @apply(nullableText('会计凭证号', 100)) voucherNo?: string | null;
  @ApiPropertyOptional({ example: 'idle', description: `使用状况: ${terms(USAGE_STATES)}` }) @IsOptional() @IsString() usage?: string;
}

export class DisposeAssetRequest {
  @ApiProperty({ example: '2024-11-30' }) @IsString() disposedOn: string;
  @ApiProperty({ example: 'scrapped', description: terms(DISPOSAL_METHODS) }) @IsString() method: string;
  @ApiProperty({ example: '达到使用年限，经鉴定无法修复' }) @IsString() @MaxLength(2000) reason: string;
}

export class MoveAssetRequest {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'New location; null clears it' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(500)
  location?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'New custodian; null clears it' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(200)
  custodian?: string | null;
}

export class CategoryFigureRequest {
  @ApiProperty(CATEGORY) @IsString() category: string;
  @ApiProperty({ ...COUNT, example: 101 }) @IsDefined() @IsDecimalInput() count: unknown;
  @ApiProperty({ ...MONEY, example: '591200.00' }) @IsDefined() @IsDecimalInput() @WarnsIfWanYuan() value: unknown;
}

export class OpeningHoldingsRequest {
  @ApiProperty({ type: [CategoryFigureRequest], description: 'A category left out is 0' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CategoryFigureRequest)
  @WarnsIfWanYuan(() => CategoryFigureRequest)
  categories: CategoryFigureRequest[];
}

export class LedgerBalanceRequest {
  @ApiProperty(CATEGORY) @IsString() category: string;
  @ApiProperty({ ...MONEY, example: '593100.00' }) @IsDefined() @IsDecimalInput() value: unknown;
}

export class LedgerBalancesRequest {
  @ApiProperty({ type: [LedgerBalanceRequest], description: '固定资产 account balance by category; a category left out is 0.00' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LedgerBalanceRequest)
  categories: LedgerBalanceRequest[];
}

export class OpenStocktakeRequest {
  @ApiProperty({ example: '2024-12-31', description: 'The date the cards are taken as of (清查基准日)' }) @IsString() asOf: string;
}

export class StocktakeCountRequest {
  @ApiProperty({ format: 'uuid' }) @IsString() assetId: string;
  @ApiProperty() @IsBoolean() found: boolean;
  @ApiPropertyOptional({
    type: String,
    description: "Items found (whole); default the card's quantity when found. Absent or 0 when not found",
  })
  @IsOptional()
  @IsDecimalInput()
  quantity?: unknown;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class UnknownItemRequest {
  @ApiProperty({ example: '文件柜' }) @IsString() @MaxLength(500) name: string;
  @ApiProperty({ example: 'A05010502', description: '政府采购品目 goods code (trimmed and upper-cased first)' })
  @NormalizedCode()
  @IsString()
  @MaxLength(20)
  catalogCode: string;
  @ApiProperty({ type: String, example: '1' }) @IsDefined() @IsDecimalInput() quantity: unknown;
  @ApiProperty({ ...MONEY, example: '800.00' }) @IsDefined() @IsDecimalInput() estimatedValue: unknown;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CategoryCountRequest {
  @ApiProperty(CATEGORY) @IsString() @MaxLength(50) category: string;
  @ApiProperty({ ...COUNT, description: 'Uncarded items of the category found' }) @IsDefined() count: unknown;
  @ApiPropertyOptional({ ...MONEY, description: 'Their value, 元; default the uncarded book value (prorated to the count)' })
  @IsOptional()
  value?: unknown;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class RecordCountsRequest {
  @ApiPropertyOptional({
    type: [CategoryCountRequest],
    description: 'Items of the book without cards (opening holdings declared as totals), counted by category',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CategoryCountRequest)
  categoryCounts?: CategoryCountRequest[];

  @ApiPropertyOptional({
    type: [StocktakeCountRequest],
    description: 'Counts of cards in the stocktake; a later count of a card replaces the earlier one',
  })
  // Entries are checked by countsInput (a loop, then these same rules on a bad batch: see
  // CheckedCounts): class-validator's nested pass costs hundreds of ms over 5,000 entries.
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_COUNTS_PER_REQUEST)
  counts?: StocktakeCountRequest[];

  @ApiPropertyOptional({ type: [UnknownItemRequest], description: 'Items found that have no card (盘盈)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_COUNTS_PER_REQUEST)
  @ValidateNested({ each: true })
  @Type(() => UnknownItemRequest)
  unknownItems?: UnknownItemRequest[];
}

/** The rules of RecordCountsRequest.counts' entries, applied only to a batch the quick check refused (for its answer). */
export class CheckedCounts {
  @ValidateNested({ each: true })
  @Type(() => StocktakeCountRequest)
  counts: StocktakeCountRequest[];
}
