import { createHash } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DeclareOpeningHoldingsCommand, DeclareOpeningHoldingsHandler } from '../../assets/index.js';
import { ChangeBudgetCommand, ChangeBudgetHandler, type BudgetCommand } from '../../budget/index.js';
import { ASSET_CATEGORY_NAMES, type AssetCategoryName } from '../../catalog/index.js';
import { DomainError, NotFoundError, UnprocessableError } from '../../common/errors/domain-error.js';
import { TransactionRunner, type Tx } from '../../database/transaction-runner.js';
import { StreamCommands } from '../../event-log/index.js';
import { ChangePurchaseCommand, ChangePurchaseHandler, PlanPurchaseCommand, PlanPurchaseHandler } from '../../procurement/index.js';
import type { DisclosureDocument } from '../domain/disclosure-document.js';
import { decideImported, evolveImports, NO_IMPORTS } from '../domain/disclosure-imports.js';
import { disclosureEvents } from '../domain/disclosure.events.js';
import { diffCounts, planImport, type ImportPlan } from '../domain/import-plan.js';
import { buildReport, type DisclosureReport } from '../domain/import-report.js';
import { parseDisclosure } from '../domain/parse-disclosure.js';
import { disclosureStreamId } from '../infrastructure/streams.js';
import { ImportDisclosureCommand } from './import-disclosure.command.js';
import { requireImportPermissions } from './import-permissions.js';
import { NameDepartmentHandler } from './name-department.handler.js';
import { RegisterSnapshotReader } from './register-snapshot.reader.js';

/**
 * Imports a published disclosure: reads it, compares it with the register and issues the
 * commands an officer would (so the same validations, events, projections and cross-check
 * reactions apply), all in one transaction with the DisclosureImported event. A document with
 * an unreadable cell or figures that do not add up is refused whole (422, the report in
 * `details.report`); a dry run answers the report and writes nothing.
 */
@CommandHandler(ImportDisclosureCommand)
export class ImportDisclosureHandler implements ICommandHandler<ImportDisclosureCommand, DisclosureReport> {
  constructor(
    private readonly runner: TransactionRunner,
    private readonly streams: StreamCommands,
    private readonly snapshots: RegisterSnapshotReader,
    private readonly departments: NameDepartmentHandler,
    private readonly budget: ChangeBudgetHandler,
    private readonly planPurchase: PlanPurchaseHandler,
    private readonly changePurchase: ChangePurchaseHandler,
    private readonly holdings: DeclareOpeningHoldingsHandler,
  ) {}

  async execute({ text, dryRun, context }: ImportDisclosureCommand): Promise<DisclosureReport> {
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    const document = parseDisclosure(text);
    if (!document.header) throw rejected(buildReport(document, sha256, dryRun, null, 'rejected'));
    requireImportPermissions(context.actor, document);
    return this.runner.run(context, async (tx) => {
      const plan = planImport(document, await this.snapshots.read(tx.manager, document), ASSET_CATEGORY_NAMES);
      if (document.errors.length > 0 || document.inconsistencies.length > 0 || plan.errors.length > 0) {
        throw rejected(buildReport(document, sha256, dryRun, plan, 'rejected'));
      }
      if (dryRun || document.header!.kind !== '预算') return buildReport(document, sha256, dryRun, plan, dryRun ? 'dry_run' : 'unchanged');
      const written = await this.apply(tx, document, plan);
      const recorded = await this.record(tx, document, plan, sha256, written);
      return buildReport(document, sha256, false, plan, written > 0 ? 'imported' : 'unchanged', written + recorded);
    });
  }

  /** In dependency order: projects before the purchases that name them. Returns the events written. */
  private async apply(tx: Tx, document: DisclosureDocument, plan: ImportPlan): Promise<number> {
    const { department, budgetYear, line: headerLine } = document.header!;
    const ctx = tx.context;
    let written = 0;
    const budget = (change: BudgetCommand, line: number) =>
      atLine(line, () => this.budget.within(tx, new ChangeBudgetCommand(department, budgetYear, change, ctx)));

    if (plan.departmentName !== null) {
      written += await atLine(headerLine, () => this.departments.within(tx, { code: department, name: plan.departmentName! }));
    }
    for (const p of plan.projects) {
      const line = plan.diff.projects.find((e) => e.key === p.projectCode)?.line ?? headerLine;
      written += await budget({ kind: 'RegisterProject', projectCode: p.projectCode, name: p.name, budget: p.budget }, line);
    }
    for (const l of plan.budgetLines) {
      const line = plan.diff.budgetLines.find((e) => e.key === l.economicCode)?.line ?? headerLine;
      const funding = l.amount > 0n ? { general_budget: l.amount } : null;
      written += await budget({ kind: 'SetBudgetLine', economicCode: l.economicCode, name: l.name, amount: l.amount, funding }, line);
    }
    if (plan.income) written += await budget({ kind: 'DeclareIncome', income: plan.income }, document.income!.line);
    if (plan.plannedAssetPurchases !== null) {
      written += await budget(
        { kind: 'DeclarePlannedAssetPurchases', amount: plan.plannedAssetPurchases },
        document.plannedAssetPurchases!.line,
      );
    }
    for (const row of plan.newPurchases) {
      const { projectCode, itemName, catalogCode, unit, quantity, unitPrice, amount, funding, smeReserved } = row;
      const fields = { projectCode, itemName, catalogCode, unit, quantity, unitPrice, amount, funding, smeReserved };
      await atLine(row.line, () => this.planPurchase.within(tx, new PlanPurchaseCommand(department, budgetYear, fields, ctx)));
      written += 1;
    }
    for (const a of plan.amendments) {
      const command = { type: 'AmendPurchase' as const, data: { purchaseId: a.purchaseId, changes: a.changes } };
      written += await atLine(a.line, () =>
        this.changePurchase.within(tx, new ChangePurchaseCommand(a.purchaseId, command, undefined, ctx)),
      );
    }
    if (plan.holdings) {
      const { asOf, categories } = plan.holdings;
      const figures = categories.map((c) => ({ ...c, category: c.category as AssetCategoryName }));
      written += await atLine(document.holdings!.rows[0]?.line ?? headerLine, () =>
        this.holdings.within(tx, new DeclareOpeningHoldingsCommand(department, asOf, figures, ctx)),
      );
    }
    return written;
  }

  private async record(tx: Tx, document: DisclosureDocument, plan: ImportPlan, sha256: string, eventsWritten: number): Promise<number> {
    const { department, budgetYear } = document.header!;
    const counts = {
      budgetLines: document.basicExpenditure?.lines.length ?? 0,
      projects: plan.diff.projects.filter((e) => e.status !== 'only_in_register').length,
      purchases: document.procurement?.rows.length ?? 0,
      holdingsCategories: document.holdings?.rows.length ?? 0,
      ...diffCounts(plan.diff),
    };
    const { events } = await this.streams.run(tx, {
      streamId: disclosureStreamId(department, budgetYear),
      codec: disclosureEvents,
      initial: NO_IMPORTS,
      evolve: evolveImports,
      notFound: () => new NotFoundError('DISCLOSURE.NOT_FOUND', `No imports for ${department}/${budgetYear}`),
      create: { department, budgetYear },
      decide: (state) => decideImported(state, { sha256, department, budgetYear, counts, eventsWritten }),
    });
    return events.length;
  }
}

function rejected(report: DisclosureReport): UnprocessableError {
  const first = report.errors[0] ?? report.inconsistencies[0];
  const summary = first ? `line ${first.line}: ${first.reason}` : 'nothing could be read';
  const problems = report.errors.length + report.inconsistencies.length;
  return new UnprocessableError('DISCLOSURE.REJECTED', `The document was not imported (${problems} problem(s); ${summary})`, 'file', {
    report,
  });
}

/** A command refused by its context names the document line it came from; the transaction rolls back. */
async function atLine<T>(line: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof DomainError) || e.kind === 'conflict') throw e;
    throw new UnprocessableError('DISCLOSURE.COMMAND_REFUSED', `line ${line}: ${e.message}`, 'file', {
      line,
      code: e.code,
      ...(e.field === undefined ? {} : { field: e.field }),
    });
  }
}
