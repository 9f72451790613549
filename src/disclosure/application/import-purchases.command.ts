import { Command, Query } from '@nestjs/cqrs';
import type { CommandContext } from '../../common/context/command-context.js';
import type { SheetError } from '../domain/purchase-sheet.js';
import type { TableFile } from './table-files.js';

export interface PurchaseImportReport {
  dryRun: boolean;
  /** Data rows read (blank rows are not counted). */
  rows: number;
  /** Purchases planned (0 for a dry run; the rows that would be). */
  planned: number;
  purchaseIds: string[];
  errors: SheetError[];
}

export class ImportPurchasesCommand extends Command<PurchaseImportReport> {
  constructor(
    readonly department: string,
    readonly budgetYear: number,
    /** The xlsx or CSV file as uploaded. */
    readonly content: Buffer,
    readonly dryRun: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ProcurementTemplateQuery extends Query<TableFile> {}
