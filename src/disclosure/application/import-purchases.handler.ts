import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, UnprocessableError, ValidationError } from '../../common/errors/domain-error.js';
import { HeaderIndex, isBlankRow, readSheet, requireSafeCells, type SheetRow } from '../../common/spreadsheet/index.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { PlanPurchaseCommand, PlanPurchaseHandler } from '../../procurement/index.js';
import { columnOfField, error, readPurchaseRows, SHEET_COLUMNS, type SheetError } from '../domain/purchase-sheet.js';
import { ImportPurchasesCommand, type PurchaseImportReport } from './import-purchases.command.js';

/** Thrown to roll a dry run back after its commands ran: the same validations, nothing kept. */
class DryRunRollback extends Error {
  constructor(readonly report: PurchaseImportReport) {
    super('dry run');
  }
}

const REQUIRED_COLUMNS = [
  SHEET_COLUMNS.projectCode,
  SHEET_COLUMNS.itemName,
  SHEET_COLUMNS.catalogCode,
  SHEET_COLUMNS.unit,
  SHEET_COLUMNS.quantity,
  SHEET_COLUMNS.unitPrice,
  SHEET_COLUMNS.amount,
];

/**
 * Plans one purchase per spreadsheet row, all in one transaction, through procurement's own
 * PlanPurchase handler. Every error of every row is collected (cells first, then what the
 * domain refuses) and the whole file is refused with them; a dry run runs the same commands and
 * rolls them back.
 */
@CommandHandler(ImportPurchasesCommand)
export class ImportPurchasesHandler implements ICommandHandler<ImportPurchasesCommand, PurchaseImportReport> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly planPurchase: PlanPurchaseHandler,
  ) {}

  async execute({ department, budgetYear, content, dryRun, context }: ImportPurchasesCommand): Promise<PurchaseImportReport> {
    const sheet = await readable(content);
    const headerAt = sheet.findIndex((r) => !isBlankRow(r));
    if (headerAt < 0) throw new ValidationError('SHEET.EMPTY', 'The spreadsheet has no header row', 'file');
    const header = new HeaderIndex(sheet[headerAt]);
    const missing = header.missing(REQUIRED_COLUMNS);
    if (missing.length > 0) {
      const errors = missing.map((column) =>
        error(sheet[headerAt].number, column, 'SHEET.COLUMN_MISSING', `the header has no column ${column}`),
      );
      throw rejected({ dryRun, rows: 0, planned: 0, purchaseIds: [], errors });
    }
    const data = sheet.slice(headerAt + 1).filter((r) => !isBlankRow(r));
    const { plans, errors } = readPurchaseRows(data.map((r) => ({ row: r.number, get: (column: string) => header.get(r, column) })));
    try {
      return await this.runner.run(context, async (tx) => {
        const purchaseIds: string[] = [];
        const refused: SheetError[] = [];
        for (const { row, ...plan } of plans) {
          try {
            purchaseIds.push(await this.planPurchase.within(tx, new PlanPurchaseCommand(department, budgetYear, plan, tx.context)));
          } catch (e) {
            if (!(e instanceof DomainError) || e.kind === 'conflict') throw e;
            refused.push(error(row, columnOfField(e.field), e.code, e.message));
          }
        }
        const all = [...errors, ...refused].sort((a, b) => a.row - b.row);
        const report = {
          dryRun,
          rows: data.length,
          planned: dryRun ? 0 : purchaseIds.length,
          purchaseIds: dryRun ? [] : purchaseIds,
          errors: all,
        };
        if (all.length > 0) throw rejected(report);
        if (dryRun) throw new DryRunRollback({ ...report, planned: plans.length });
        return report;
      });
    } catch (e) {
      if (e instanceof DryRunRollback) return e.report;
      throw e;
    }
  }
}

async function readable(content: Buffer): Promise<SheetRow[]> {
  let sheet: SheetRow[];
  try {
    sheet = await readSheet(content);
  } catch {
    throw new ValidationError('SHEET.UNREADABLE', 'The file is neither a readable xlsx nor a CSV in UTF-8', 'file');
  }
  requireSafeCells(sheet);
  return sheet;
}

function rejected(report: PurchaseImportReport): UnprocessableError {
  const rows = [...new Set(report.errors.map((e) => e.row))];
  return new UnprocessableError(
    'SHEET.REJECTED',
    `Nothing was imported: ${report.errors.length} error(s) in row(s) ${rows.join(', ')}; ${report.errors[0]?.message ?? ''}`,
    'file',
    { report },
  );
}
