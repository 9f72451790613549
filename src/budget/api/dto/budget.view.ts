import { ApiProperty } from '@nestjs/swagger';
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
  @ApiProperty({ example: '1900.00' }) amount: string;
  @ApiProperty({ example: '0.19' }) amountWan: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: { type: 'string' } })
  funding: Record<string, string> | null;
}

export class AmountView {
  @ApiProperty({ example: '1900.00' }) amount: string;
  @ApiProperty({ example: '0.19' }) amountWan: string;
}

export class BudgetView {
  @ApiProperty() department: string;
  @ApiProperty() budgetYear: number;
  @ApiProperty({ type: [ProjectView] }) projects: ProjectView[];
  @ApiProperty({ type: [BudgetLineView] }) budgetLines: BudgetLineView[];
  @ApiProperty({ type: AmountView, nullable: true }) plannedAssetPurchases: AmountView | null;

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
        amount: formatYuan(l.amount),
        amountWan: formatWanYuan(l.amount),
        funding: l.funding,
      })),
      plannedAssetPurchases:
        ref.plannedAssetPurchases === null
          ? null
          : { amount: formatYuan(ref.plannedAssetPurchases), amountWan: formatWanYuan(ref.plannedAssetPurchases) },
    };
  }
}
