import { formatWanYuan, sumFen } from '../../common/money/money.js';
import type { DisclosureDocument, LineNote } from './disclosure-document.js';
import { diffCounts, type DisclosureDiff, type ImportPlan } from './import-plan.js';

export type ImportOutcome = 'imported' | 'unchanged' | 'dry_run' | 'rejected';

type TableRead = { rows: number; totalWanYuan: string | null };

/** What POST /disclosures answers: what was read, skipped and inconsistent, and the diff against the register. */
export interface DisclosureReport {
  sha256: string;
  department: { code: string; name: string } | null;
  budgetYear: number | null;
  unit: string | null;
  documentKind: '预算' | '决算' | null;
  dryRun: boolean;
  outcome: ImportOutcome;
  tables: {
    income: TableRead | null;
    basicExpenditure: TableRead | null;
    projects: TableRead;
    procurement: (TableRead & { subtotals: { unitName: string; amountWanYuan: string }[] }) | null;
    holdings: { rows: number; asOf: string | null; count: string | null; valueWanYuan: string | null } | null;
    plannedAssetPurchasesWanYuan: string | null;
  };
  derivedProjectCodes: { name: string; projectCode: string; line: number }[];
  skipped: LineNote[];
  errors: LineNote[];
  inconsistencies: LineNote[];
  diff: DisclosureDiff | null;
  counts: { added: number; changed: number; unchanged: number; onlyInRegister: number } | null;
  eventsWritten: number;
}

const wan = (fen: bigint | null | undefined) => (fen === null || fen === undefined ? null : formatWanYuan(fen));

export function buildReport(
  document: DisclosureDocument,
  sha256: string,
  dryRun: boolean,
  plan: ImportPlan | null,
  outcome: ImportOutcome,
  eventsWritten = 0,
): DisclosureReport {
  const { header, income, basicExpenditure, procurement, holdings } = document;
  return {
    sha256,
    department: header && { code: header.department, name: header.departmentName },
    budgetYear: header?.budgetYear ?? null,
    unit: header?.unit ?? null,
    documentKind: header?.kind ?? null,
    dryRun,
    outcome,
    tables: {
      income: income && { rows: Object.keys(income.parts).length, totalWanYuan: wan(income.total) },
      basicExpenditure: basicExpenditure && { rows: basicExpenditure.lines.length, totalWanYuan: wan(basicExpenditure.total) },
      projects: { rows: document.projects.length, totalWanYuan: wan(sumFen(document.projects.map((p) => p.budget))) },
      procurement: procurement && {
        rows: procurement.rows.length,
        totalWanYuan: wan(procurement.total),
        subtotals: procurement.subtotals.map((s) => ({ unitName: s.unitName, amountWanYuan: formatWanYuan(s.amount) })),
      },
      holdings: holdings && {
        rows: holdings.rows.length,
        asOf: holdings.asOf,
        count: holdings.total ? String(holdings.total.count) : null,
        valueWanYuan: wan(holdings.total?.value),
      },
      plannedAssetPurchasesWanYuan: wan(document.plannedAssetPurchases?.amount),
    },
    derivedProjectCodes: [...(plan?.derivedCodes ?? [])],
    skipped: [...document.skipped],
    errors: [...document.errors, ...(plan?.errors ?? [])].sort((a, b) => a.line - b.line),
    inconsistencies: [...document.inconsistencies],
    diff: plan?.diff ?? null,
    counts: plan ? diffCounts(plan.diff) : null,
    eventsWritten,
  };
}
