import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PURCHASE_LIMITS, type PurchaseTextField, tooLongMessage } from '../../domain/purchase-rules.js';
import { IsDecimalInput, NormalizedCode } from '../../../common/http/validation.js';
import { WarnsIfWanYuan } from '../../../common/http/amount-warnings.js';

/** The domain's limit and message: an over-long field gets the same answer at the door as in decide. */
const Limit = (field: PurchaseTextField) => MaxLength(PURCHASE_LIMITS[field], { message: tooLongMessage(field) });

const MONEY = { type: String, description: '元, a decimal string with at most 2 decimals' };
const QUANTITY = { type: String, description: 'A positive decimal (string or number), at most 4 decimals' };
const FUNDING = {
  type: 'object',
  description:
    '元 by funding source: general_budget 一般公共预算拨款, gov_fund 政府性基金预算拨款, state_capital 国有资本经营预算拨款, ' +
    'fiscal_special_account 财政专户管理资金, unit_funds 单位资金, carry_over 上年结转结余. The parts sum to the amount.',
  example: { general_budget: '1900.00' },
  additionalProperties: { type: 'string' },
} as const;

/**
 * Shapes only; the domain enforces the rules (and names the field) so amend and plan agree. The
 * catalog code has no length here: the domain's pattern (9 characters) refuses any other length.
 */
export class PlanPurchaseRequest {
  @ApiProperty({ example: 'P001' }) @IsString() @Limit('projectCode') projectCode: string;
  @ApiProperty({ example: '碎纸机' }) @IsString() @Limit('itemName') itemName: string;
  @ApiProperty({ example: 'A02021301', description: '政府采购品目分类目录 2022 code (trimmed and upper-cased first)' })
  @NormalizedCode()
  @IsString()
  catalogCode: string;
  @ApiProperty({ example: '个' }) @IsString() @Limit('unit') unit: string;
  @ApiProperty({ ...QUANTITY, example: '1' }) @IsDefined() @IsDecimalInput() quantity: unknown;
  @ApiProperty({ ...MONEY, example: '1900.00' }) @IsDefined() @IsDecimalInput() @WarnsIfWanYuan() unitPrice: unknown;
  @ApiProperty({ ...MONEY, example: '1900.00', description: '= quantity × unitPrice, rounded half-up to the fen' })
  @IsDefined()
  @IsDecimalInput()
  amount: unknown;
  @ApiProperty(FUNDING) @IsObject() funding: Record<string, unknown>;
  @ApiPropertyOptional({ ...MONEY, example: '1900.00', description: '预留中小微企业份额, ≤ amount (default 0)' })
  @IsOptional()
  @IsDecimalInput()
  smeReserved?: unknown;
  @ApiPropertyOptional({ example: '31002', description: '部门经济分类 line (trimmed first); default from the catalog map' })
  @NormalizedCode()
  @IsOptional()
  @IsString()
  economicCode?: string;
}

export class AmendPurchaseRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @Limit('projectCode') projectCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Limit('itemName') itemName?: string;
  @ApiPropertyOptional({ description: '政府采购品目分类目录 2022 code (trimmed and upper-cased first)' })
  @NormalizedCode()
  @IsOptional()
  @IsString()
  catalogCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Limit('unit') unit?: string;
  @ApiPropertyOptional(QUANTITY) @IsOptional() @IsDecimalInput() quantity?: unknown;
  @ApiPropertyOptional(MONEY) @IsOptional() @IsDecimalInput() @WarnsIfWanYuan() unitPrice?: unknown;
  @ApiPropertyOptional(MONEY) @IsOptional() @IsDecimalInput() amount?: unknown;
  @ApiPropertyOptional(FUNDING) @IsOptional() @IsObject() funding?: Record<string, unknown>;
  @ApiPropertyOptional(MONEY) @IsOptional() @IsDecimalInput() smeReserved?: unknown;
  @ApiPropertyOptional({ type: String, nullable: true, example: '31002', description: 'null: back to the catalog default line' })
  @NormalizedCode()
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  economicCode?: string | null;
}

export class CancelPurchaseRequest {
  @ApiProperty({ example: '预算调整，取消采购' }) @IsString() @Limit('reason') reason: string;
}

export class ContractPurchaseRequest {
  @ApiProperty({ example: '秦皇岛某办公设备有限公司' }) @IsString() @Limit('supplier') supplier: string;
  @ApiProperty({ example: 'QHD-2024-0031' }) @IsString() @Limit('contractNo') contractNo: string;
  @ApiProperty({ ...MONEY, example: '1900.00', description: 'Contract amount, ≤ the planned amount' })
  @IsDefined()
  @IsDecimalInput()
  amount: unknown;
  @ApiProperty({ example: '2024-03-15' }) @IsString() signedOn: string;
}

export class AcceptPurchaseRequest {
  @ApiProperty({ ...QUANTITY, example: '1' }) @IsDefined() @IsDecimalInput() quantity: unknown;
  @ApiProperty({ ...MONEY, example: '1900.00' }) @IsDefined() @IsDecimalInput() amount: unknown;
  @ApiProperty({ example: '2024-04-01' }) @IsString() acceptedOn: string;
}
