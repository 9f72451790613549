import { ApiProperty } from '@nestjs/swagger';
import { FUNDING_SOURCES, type FundingSource } from '../../../common/funding/funding.js';
import type * as views from '../../application/cross-check.view.js';
import { FINDING_RULES, type FindingRule, type Severity } from '../../domain/finding.js';

export class MessageView {
  @ApiProperty({ example: '预算科目 31002 办公设备购置：预算 1900.00 元，计划采购固定资产 3800.00 元，差额 -1900.00 元' }) zh: string;
  @ApiProperty({
    example: 'Budget line 31002 办公设备购置: budget 1900.00 元, planned fixed-asset purchases 3800.00 元, difference -1900.00 元',
  })
  en: string;
}

export class FindingRefsView {
  @ApiProperty({
    type: [String],
    description: 'The live purchases behind the finding, read at query time (CrossCheckChanged v3 carries none)',
  })
  purchaseIds: string[];
  @ApiProperty({ type: [String], example: ['31002'] }) economicCodes: string[];
  @ApiProperty({ type: [String], example: ['P001'] }) projectCodes: string[];
  @ApiProperty({ enum: FUNDING_SOURCES, isArray: true, example: [] }) fundingSources: FundingSource[];
}

export class FindingView {
  @ApiProperty({ enum: FINDING_RULES }) rule: FindingRule;
  @ApiProperty({ enum: ['error', 'warning'] }) severity: Severity;
  @ApiProperty({ type: MessageView }) message: MessageView;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Named amounts in 元, each with its 万元 twin (`budget`, `budgetWan`); `difference` = reference − planned',
    example: {
      budget: '1900.00',
      budgetWan: '0.19',
      planned: '3800.00',
      plannedWan: '0.38',
      difference: '-1900.00',
      differenceWan: '-0.19',
    },
  })
  amounts: Record<string, string>;
  @ApiProperty({ type: FindingRefsView }) refs: FindingRefsView;
}

export class NotEvaluatedView {
  @ApiProperty({ enum: FINDING_RULES, example: 'FUNDING_SOURCE_EXCEEDED' }) rule: FindingRule;
  @ApiProperty({ example: 'INCOME_NOT_DECLARED' }) reason: string;
  @ApiProperty({ type: MessageView }) message: MessageView;
}

/** OpenAPI shape of application/cross-check.view.ts. */
export class CrossCheckView implements views.CrossCheckView {
  @ApiProperty() department: string;
  @ApiProperty() budgetYear: number;
  @ApiProperty({ enum: ['pass', 'fail'], description: '`fail` iff any finding is an error' }) status: 'pass' | 'fail';
  @ApiProperty({ type: [FindingView] }) findings: FindingView[];
  @ApiProperty({ type: [NotEvaluatedView], description: 'Rules that could not be applied, and why' })
  notEvaluated: NotEvaluatedView[];
  @ApiProperty({ example: '2024-03-01T08:00:00.000Z' }) checkedAt: string;
  @ApiProperty({
    example: '42',
    description: 'The newest global log position among the department-year\'s events this result includes ("0" when none)',
  })
  position: string;
}
