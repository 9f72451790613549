import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDecimalInput } from '../../../common/http/validation.js';
import { WarnsIfWanYuan } from '../../../common/http/amount-warnings.js';

const MONEY = { type: String, description: '元, a decimal string with at most 2 decimals' };
const FUNDING = {
  type: 'object',
  description:
    '元 by funding source (general_budget, gov_fund, state_capital, fiscal_special_account, unit_funds, carry_over); the parts sum to the amount',
  example: { general_budget: '1900.00' },
  additionalProperties: { type: 'string' },
} as const;

export class RegisterProjectRequest {
  @ApiProperty({ example: '2024年初预算日常公用经费项目（三保）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ ...MONEY, example: '211600.00' })
  @IsDefined()
  @IsDecimalInput()
  @WarnsIfWanYuan()
  budget: unknown;
}

export class SetBudgetLineRequest {
  @ApiProperty({ example: '办公设备购置' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ ...MONEY, example: '1900.00' })
  @IsDefined()
  @IsDecimalInput()
  @WarnsIfWanYuan()
  amount: unknown;

  @ApiPropertyOptional(FUNDING)
  @IsOptional()
  @IsObject()
  funding?: Record<string, unknown>;
}

export class DeclarePlannedAssetPurchasesRequest {
  @ApiProperty({ ...MONEY, example: '1900.00', description: "The budget's stated total of planned fixed-asset purchases, 元" })
  @IsDefined()
  @IsDecimalInput()
  amount: unknown;
}

/**
 * The income side of the 收支总表 by funding source, in 元; a source left out is zero. The names
 * are those of `funding` everywhere (common/funding).
 */
export class DeclareIncomeRequest {
  @ApiPropertyOptional({ ...MONEY, example: '6686400.00', description: '一般公共预算拨款收入, 元' })
  @IsOptional()
  @IsDecimalInput()
  general_budget?: unknown;

  @ApiPropertyOptional({ ...MONEY, description: '政府性基金预算拨款收入, 元' })
  @IsOptional()
  @IsDecimalInput()
  gov_fund?: unknown;

  @ApiPropertyOptional({ ...MONEY, description: '国有资本经营预算拨款收入, 元' })
  @IsOptional()
  @IsDecimalInput()
  state_capital?: unknown;

  @ApiPropertyOptional({ ...MONEY, description: '财政专户管理资金收入, 元' })
  @IsOptional()
  @IsDecimalInput()
  fiscal_special_account?: unknown;

  @ApiPropertyOptional({ ...MONEY, description: '单位资金, 元' })
  @IsOptional()
  @IsDecimalInput()
  unit_funds?: unknown;

  @ApiPropertyOptional({ ...MONEY, description: '上年结转结余, 元' })
  @IsOptional()
  @IsDecimalInput()
  carry_over?: unknown;
}
