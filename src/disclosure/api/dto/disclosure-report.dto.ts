import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class DryRunQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: answer the report (200) and write nothing' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}

export class LineNoteDto {
  @ApiProperty({ example: 1298, description: '1-based line of the document' })
  line: number;

  @ApiProperty({ example: '政府采购预算: "0.1a9" is not an amount in 万元 with 2 decimals' })
  reason: string;
}

export class DiffEntryDto {
  @ApiProperty({ example: '13030024P00RRF8100023/C21040000/物业管理服务' })
  key: string;

  @ApiProperty({ enum: ['added', 'changed', 'unchanged', 'only_in_register'] })
  status: string;

  @ApiPropertyOptional()
  line?: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { from: { type: 'string', nullable: true }, to: { type: 'string', nullable: true } },
    },
    example: { amount: { from: '150000.00', to: '160000.00' } },
  })
  changes?: Record<string, { from: string | null; to: string | null }>;
}

export class DisclosureDiffDto {
  @ApiProperty({ type: [DiffEntryDto] }) department: DiffEntryDto[];
  @ApiProperty({ type: [DiffEntryDto] }) income: DiffEntryDto[];
  @ApiProperty({ type: [DiffEntryDto] }) budgetLines: DiffEntryDto[];
  @ApiProperty({ type: [DiffEntryDto] }) projects: DiffEntryDto[];
  @ApiProperty({ type: [DiffEntryDto] }) plannedAssetPurchases: DiffEntryDto[];
  @ApiProperty({ type: [DiffEntryDto] }) purchases: DiffEntryDto[];
  @ApiProperty({ type: [DiffEntryDto] }) holdings: DiffEntryDto[];
}

export class DisclosureReportDto {
  @ApiProperty({ description: 'SHA-256 of the document text' }) sha256: string;
  @ApiProperty({ nullable: true, example: { code: '731', name: '秦皇岛市科学技术协会' } }) department: {
    code: string;
    name: string;
  } | null;
  @ApiProperty({ type: Number, nullable: true, example: 2024 }) budgetYear: number | null;
  @ApiProperty({ type: String, nullable: true, example: '万元' }) unit: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['预算', '决算'] }) documentKind: string | null;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ enum: ['imported', 'unchanged', 'dry_run', 'rejected'] }) outcome: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Per table: rows read and totals in 万元' })
  tables: Record<string, unknown>;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Projects the document names without a code, and the code given them',
  })
  derivedProjectCodes: { name: string; projectCode: string; line: number }[];
  @ApiProperty({ type: [LineNoteDto] }) skipped: LineNoteDto[];
  @ApiProperty({ type: [LineNoteDto] }) errors: LineNoteDto[];
  @ApiProperty({ type: [LineNoteDto] }) inconsistencies: LineNoteDto[];
  @ApiProperty({ type: DisclosureDiffDto, nullable: true }) diff: DisclosureDiffDto | null;
  @ApiProperty({ nullable: true, example: { added: 60, changed: 0, unchanged: 0, onlyInRegister: 0 } })
  counts: Record<string, number> | null;
  @ApiProperty({ description: 'Events the import appended (0 for a dry run or an unchanged document)' }) eventsWritten: number;
}
