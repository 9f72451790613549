import { ApiProperty } from '@nestjs/swagger';
import { FUNDING_SOURCES, type FundingSource } from '../../../common/funding/funding.js';
import type * as views from '../../application/budget.view.js';

/** OpenAPI shapes of the views application/budget.view.ts builds. */
export class ProjectView implements views.ProjectView {
  @ApiProperty() projectCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '211600.00', description: '元' }) budget: string;
  @ApiProperty({ example: '21.16', description: '万元' }) budgetWan: string;
}

export class BudgetLineView implements views.BudgetLineView {
  @ApiProperty({ example: '31002' }) economicCode: string;
  @ApiProperty({ example: '办公设备购置' }) name: string;
  @ApiProperty({
    type: String,
    example: '310',
    nullable: true,
    description: 'The 类 (3-digit) line a 款 (5-digit) line belongs to. A parent line is the total of its children: never add both.',
  })
  parentCode: string | null;
  @ApiProperty({ example: '1900.00' }) amount: string;
  @ApiProperty({ example: '0.19' }) amountWan: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: { type: 'string' } })
  funding: Record<string, string> | null;
}

export class AmountView implements views.AmountView {
  @ApiProperty({ example: '1900.00' }) amount: string;
  @ApiProperty({ example: '0.19' }) amountWan: string;
}

export class IncomeSourceView implements views.IncomeSourceView {
  @ApiProperty({ enum: FUNDING_SOURCES, example: 'general_budget' }) source: FundingSource;
  @ApiProperty({ example: '一般公共预算拨款' }) name: string;
  @ApiProperty({ example: '6686400.00' }) amount: string;
  @ApiProperty({ example: '668.64' }) amountWan: string;
}

export class IncomeView implements views.IncomeView {
  @ApiProperty({ type: [IncomeSourceView], description: 'Every funding source, in the 收支总表 order; zero when not stated' })
  sources: IncomeSourceView[];
  @ApiProperty({ example: '6686400.00' }) total: string;
  @ApiProperty({ example: '668.64' }) totalWan: string;
}

export class BudgetView implements views.BudgetView {
  @ApiProperty() department: string;
  @ApiProperty() budgetYear: number;
  @ApiProperty({ type: [ProjectView] }) projects: ProjectView[];
  @ApiProperty({ type: [BudgetLineView] }) budgetLines: BudgetLineView[];
  @ApiProperty({ type: AmountView, nullable: true }) plannedAssetPurchases: AmountView | null;
  @ApiProperty({ type: IncomeView, nullable: true, description: 'Income by funding source; null until declared' })
  income: IncomeView | null;
}
