import { ApiProperty } from '@nestjs/swagger';
import { FUNDING_SOURCE_NAMES, FUNDING_SOURCES, fundingTotal, type FundingSource, type FundingSplit } from '../../../common/funding/funding.js';
import { formatWanYuan, formatYuan } from '../../../common/money/money.js';
import type { BudgetReference } from '../../infrastructure/budget.repository.js';

export class ProjectView {
  @ApiProperty() projectCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '211600.00', description: '元' }) budget: string;
  @ApiProperty({ example: '21.16', description: '万元' }) budgetWan: string;
}

export class BudgetLineView {
  @ApiProperty({ example: '31002' }) economicCode: string;
  @ApiProperty({ example: '办公设备购置' }) name: string;
  @ApiProperty({
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

export class AmountView {
  @ApiProperty({ example: '1900.00' }) amount: string;
  @ApiProperty({ example: '0.19' }) amountWan: string;
}

export class IncomeSourceView {
  @ApiProperty({ example: 'general_budget' }) source: FundingSource;
  @ApiProperty({ example: '一般公共预算拨款' }) name: string;
  @ApiProperty({ example: '6686400.00' }) amount: string;
  @ApiProperty({ example: '668.64' }) amountWan: string;
}

export class IncomeView {
  @ApiProperty({ type: [IncomeSourceView], description: 'Every funding source, in the 收支总表 order; zero when not stated' })
  sources: IncomeSourceView[];
  @ApiProperty({ example: '6686400.00' }) total: string;
  @ApiProperty({ example: '668.64' }) totalWan: string;
}

export class BudgetView {
  @ApiProperty() department: string;
  @ApiProperty() budgetYear: number;
  @ApiProperty({ type: [ProjectView] }) projects: ProjectView[];
  @ApiProperty({ type: [BudgetLineView] }) budgetLines: BudgetLineView[];
  @ApiProperty({ type: AmountView, nullable: true }) plannedAssetPurchases: AmountView | null;
  @ApiProperty({ type: IncomeView, nullable: true, description: 'Income by funding source; null until declared' })
  income: IncomeView | null;

  static of(department: string, budgetYear: number, ref: BudgetReference): BudgetView {
    return {
      department,
      budgetYear,
      projects: ref.projects.map((p) => ({
        projectCode: p.projectCode,
        name: p.name,
        budget: formatYuan(p.budget),
        budgetWan: formatWanYuan(p.budget),
      })),
      budgetLines: ref.lines.map((l) => ({
        economicCode: l.economicCode,
        name: l.name,
        parentCode: l.economicCode.length === 5 ? l.economicCode.slice(0, 3) : null,
        amount: formatYuan(l.amount),
        amountWan: formatWanYuan(l.amount),
        funding: l.funding,
      })),
      plannedAssetPurchases:
        ref.plannedAssetPurchases === null
          ? null
          : { amount: formatYuan(ref.plannedAssetPurchases), amountWan: formatWanYuan(ref.plannedAssetPurchases) },
      income: ref.income === null ? null : incomeView(ref.income),
    };
  }
}

function incomeView(income: FundingSplit): IncomeView {
  const total = fundingTotal(income);
  return {
    sources: FUNDING_SOURCES.map((source) => {
      const fen = income[source] ?? 0n;
      return { source, name: FUNDING_SOURCE_NAMES[source], amount: formatYuan(fen), amountWan: formatWanYuan(fen) };
    }),
    total: formatYuan(total),
    totalWan: formatWanYuan(total),
  };
}
