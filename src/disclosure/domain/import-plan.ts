import { FUNDING_SOURCES, type FundingSplit } from '../../common/funding/funding.js';
import { formatYuan, type Fen } from '../../common/money/money.js';
import type { Quantity } from '../../common/money/quantity.js';
import type { DisclosureDocument, LineNote, ProcurementRow } from './disclosure-document.js';
import { derivedProjectCode } from './derived-project-code.js';

/** What the register holds for the document's department-year, as the plan compares it. */
export interface RegisterSnapshot {
  readonly departmentName: string | null;
  readonly projects: readonly { projectCode: string; name: string; budget: Fen }[];
  readonly lines: readonly { economicCode: string; name: string; amount: Fen; funding: FundingSplit | null }[];
  readonly plannedAssetPurchases: Fen | null;
  readonly income: FundingSplit | null;
  readonly purchases: readonly RegisterPurchase[];
  /** The opening declaration dated exactly the document's 截止时间, by category; null when none. */
  readonly holdings: ReadonlyMap<string, { count: bigint; value: Fen }> | null;
}

export interface RegisterPurchase {
  readonly purchaseId: string;
  readonly projectCode: string;
  readonly itemName: string;
  readonly catalogCode: string;
  readonly unit: string;
  readonly quantity: string;
  readonly unitPrice: Fen;
  readonly amount: Fen;
  readonly funding: FundingSplit;
  readonly smeReserved: Fen;
}

export type DiffStatus = 'added' | 'changed' | 'unchanged' | 'only_in_register';

export interface DiffEntry {
  readonly key: string;
  readonly status: DiffStatus;
  /** The document line, absent for a row only in the register. */
  readonly line?: number;
  /** Changed fields, old → new, as the API shows them (money in 元). */
  readonly changes?: Readonly<Record<string, { from: string | null; to: string | null }>>;
}

export interface DisclosureDiff {
  readonly department: readonly DiffEntry[];
  readonly income: readonly DiffEntry[];
  readonly budgetLines: readonly DiffEntry[];
  readonly projects: readonly DiffEntry[];
  readonly plannedAssetPurchases: readonly DiffEntry[];
  readonly purchases: readonly DiffEntry[];
  readonly holdings: readonly DiffEntry[];
}

export interface PurchaseAmendment {
  readonly purchaseId: string;
  readonly line: number;
  readonly changes: {
    unit?: string;
    quantity?: Quantity;
    unitPrice?: Fen;
    amount?: Fen;
    funding?: FundingSplit;
    smeReserved?: Fen;
  };
}

/** The commands an officer would issue to bring the register to the document, and the diff they follow from. */
export interface ImportPlan {
  readonly diff: DisclosureDiff;
  readonly departmentName: string | null;
  readonly projects: readonly { projectCode: string; name: string; budget: Fen }[];
  readonly budgetLines: readonly { economicCode: string; name: string; amount: Fen }[];
  readonly income: FundingSplit | null;
  readonly plannedAssetPurchases: Fen | null;
  readonly newPurchases: readonly (ProcurementRow & { projectCode: string })[];
  readonly amendments: readonly PurchaseAmendment[];
  readonly holdings: { asOf: string; categories: { category: string; count: bigint; value: Fen }[] } | null;
  readonly derivedCodes: readonly { name: string; projectCode: string; line: number }[];
  readonly errors: readonly LineNote[];
}

const yuan = (fen: Fen | null | undefined) => (fen === null || fen === undefined ? null : formatYuan(fen));
const fundingText = (split: FundingSplit | null) =>
  split === null
    ? null
    : FUNDING_SOURCES.filter((s) => (split[s] ?? 0n) > 0n)
        .map((s) => `${s}=${formatYuan(split[s]!)}`)
        .join(', ');

/**
 * Compares the document with the register and lists the changes to make. Pure: the handler
 * reads the snapshot and issues the commands in one transaction.
 */
export function planImport(document: DisclosureDocument, register: RegisterSnapshot, knownCategories: readonly string[]): ImportPlan {
  const header = document.header!;
  const errors: LineNote[] = [];
  const diff = {
    department: [] as DiffEntry[],
    income: [] as DiffEntry[],
    budgetLines: [] as DiffEntry[],
    projects: [] as DiffEntry[],
    plannedAssetPurchases: [] as DiffEntry[],
    purchases: [] as DiffEntry[],
    holdings: [] as DiffEntry[],
  };

  const departmentName = register.departmentName === header.departmentName ? null : header.departmentName;
  diff.department.push(
    entry(header.department, header.line, { name: [register.departmentName, header.departmentName] }, register.departmentName === null),
  );

  // Projects: those of 七 with their codes, then those only the procurement table names.
  const documentProjects = new Map<string, { projectCode: string; name: string; budget: Fen; line: number }>();
  for (const p of document.projects)
    documentProjects.set(p.name, { projectCode: p.projectCode!, name: p.name, budget: p.budget, line: p.line });
  const derivedCodes: { name: string; projectCode: string; line: number }[] = [];
  for (const row of document.procurement?.rows ?? []) {
    if (documentProjects.has(row.projectName)) continue;
    const projectCode = derivedProjectCode(header.department, header.budgetYear, row.projectName);
    derivedCodes.push({ name: row.projectName, projectCode, line: row.line });
    documentProjects.set(row.projectName, { projectCode, name: row.projectName, budget: row.projectBudget, line: row.line });
  }
  const projects: { projectCode: string; name: string; budget: Fen }[] = [];
  for (const p of documentProjects.values()) {
    const held = register.projects.find((r) => r.projectCode === p.projectCode);
    const e = entry(p.projectCode, p.line, { name: [held?.name ?? null, p.name], budget: [yuan(held?.budget), yuan(p.budget)] }, !held);
    diff.projects.push(e);
    if (e.status !== 'unchanged') projects.push({ projectCode: p.projectCode, name: p.name, budget: p.budget });
  }
  const documentCodes = new Set([...documentProjects.values()].map((p) => p.projectCode));
  for (const r of register.projects)
    if (!documentCodes.has(r.projectCode)) diff.projects.push({ key: r.projectCode, status: 'only_in_register' });

  // 基本支出 lines, funded by 一般公共预算 (that is the table).
  const budgetLines: { economicCode: string; name: string; amount: Fen }[] = [];
  for (const l of document.basicExpenditure?.lines ?? []) {
    const held = register.lines.find((r) => r.economicCode === l.economicCode);
    const funding: FundingSplit = l.amount > 0n ? { general_budget: l.amount } : {};
    const e = entry(
      l.economicCode,
      l.line,
      {
        name: [held?.name ?? null, l.name],
        amount: [yuan(held?.amount), yuan(l.amount)],
        funding: [held ? fundingText(held.funding) : null, fundingText(funding)],
      },
      !held,
    );
    diff.budgetLines.push(e);
    if (e.status !== 'unchanged') budgetLines.push({ economicCode: l.economicCode, name: l.name, amount: l.amount });
  }
  if (document.basicExpenditure) {
    const codes = new Set(document.basicExpenditure.lines.map((l) => l.economicCode));
    for (const r of register.lines)
      if (!codes.has(r.economicCode)) diff.budgetLines.push({ key: r.economicCode, status: 'only_in_register' });
  }

  let income: FundingSplit | null = null;
  if (document.income && Object.keys(document.income.parts).length > 0) {
    const e = entry(
      'income',
      document.income.line,
      { income: [fundingText(register.income), fundingText(document.income.parts)] },
      register.income === null,
    );
    diff.income.push(e);
    if (e.status !== 'unchanged') income = document.income.parts;
  }

  let plannedAssetPurchases: Fen | null = null;
  if (document.plannedAssetPurchases) {
    const { amount, line } = document.plannedAssetPurchases;
    const e = entry(
      'plannedAssetPurchases',
      line,
      { amount: [yuan(register.plannedAssetPurchases), yuan(amount)] },
      register.plannedAssetPurchases === null,
    );
    diff.plannedAssetPurchases.push(e);
    if (e.status !== 'unchanged') plannedAssetPurchases = amount;
  }

  // Purchases match on project, catalog code and item name; repeated keys pair up in table order.
  const newPurchases: (ProcurementRow & { projectCode: string })[] = [];
  const amendments: PurchaseAmendment[] = [];
  const unmatched = [...register.purchases];
  for (const row of document.procurement?.rows ?? []) {
    const projectCode = documentProjects.get(row.projectName)!.projectCode;
    const key = `${projectCode}/${row.catalogCode}/${row.itemName}`;
    const at = unmatched.findIndex(
      (p) => p.projectCode === projectCode && p.catalogCode === row.catalogCode && p.itemName === row.itemName,
    );
    const held = at < 0 ? null : unmatched.splice(at, 1)[0];
    const e = entry(
      key,
      row.line,
      {
        unit: [held?.unit ?? null, row.unit],
        quantity: [held?.quantity ?? null, row.quantity.toString()],
        unitPrice: [yuan(held?.unitPrice), yuan(row.unitPrice)],
        amount: [yuan(held?.amount), yuan(row.amount)],
        funding: [held ? fundingText(held.funding) : null, fundingText(row.funding)],
        smeReserved: [yuan(held?.smeReserved), yuan(row.smeReserved)],
      },
      !held,
    );
    diff.purchases.push(e);
    if (!held) newPurchases.push({ ...row, projectCode });
    else if (e.status === 'changed') amendments.push({ purchaseId: held.purchaseId, line: row.line, changes: purchaseChanges(held, row) });
  }
  if (document.procurement) {
    for (const p of unmatched) diff.purchases.push({ key: `${p.projectCode}/${p.catalogCode}/${p.itemName}`, status: 'only_in_register' });
  }

  let holdings: ImportPlan['holdings'] = null;
  const h = document.holdings;
  if (h && h.asOf !== null) {
    const categories: { category: string; count: bigint; value: Fen }[] = [];
    for (const row of h.rows) {
      if (!knownCategories.includes(row.category)) {
        errors.push({
          line: row.line,
          reason: `固定资产占用情况表: "${row.category}" is not one of the categories (${knownCategories.join('、')})`,
        });
        continue;
      }
      const held = register.holdings?.get(row.category);
      diff.holdings.push(
        entry(
          `${h.asOf}/${row.category}`,
          row.line,
          { count: [held ? String(held.count) : null, String(row.count)], value: [yuan(held?.value), yuan(row.value)] },
          !held,
        ),
      );
      categories.push({ category: row.category, count: row.count, value: row.value });
    }
    // A declaration is whole: a category the register holds and the document leaves out becomes 0.
    for (const [category, held] of register.holdings ?? []) {
      if (h.rows.some((r) => r.category === category) || (held.count === 0n && held.value === 0n)) continue;
      diff.holdings.push({
        key: `${h.asOf}/${category}`,
        status: 'changed',
        changes: { count: { from: String(held.count), to: '0' }, value: { from: yuan(held.value), to: '0.00' } },
      });
    }
    if (diff.holdings.some((e) => e.status !== 'unchanged')) holdings = { asOf: h.asOf, categories };
  }

  return {
    diff,
    departmentName,
    projects,
    budgetLines,
    income,
    plannedAssetPurchases,
    newPurchases,
    amendments,
    holdings,
    derivedCodes,
    errors,
  };
}

function entry(key: string, line: number, fields: Record<string, [string | null, string | null]>, added: boolean): DiffEntry {
  if (added) return { key, status: 'added', line };
  const changes: Record<string, { from: string | null; to: string | null }> = {};
  for (const [field, [from, to]] of Object.entries(fields)) if (from !== to) changes[field] = { from, to };
  return Object.keys(changes).length === 0 ? { key, status: 'unchanged', line } : { key, status: 'changed', line, changes };
}

function purchaseChanges(held: RegisterPurchase, row: ProcurementRow): PurchaseAmendment['changes'] {
  const changes: { -readonly [K in keyof PurchaseAmendment['changes']]: PurchaseAmendment['changes'][K] } = {};
  if (held.unit !== row.unit) changes.unit = row.unit;
  if (held.quantity !== row.quantity.toString()) changes.quantity = row.quantity;
  if (held.unitPrice !== row.unitPrice) changes.unitPrice = row.unitPrice;
  if (held.amount !== row.amount) changes.amount = row.amount;
  if (fundingText(held.funding) !== fundingText(row.funding)) changes.funding = row.funding;
  if (held.smeReserved !== row.smeReserved) changes.smeReserved = row.smeReserved;
  return changes;
}

/** Added / changed / unchanged / only in register over every section. */
export function diffCounts(diff: DisclosureDiff): { added: number; changed: number; unchanged: number; onlyInRegister: number } {
  const all = Object.values(diff).flat() as DiffEntry[];
  const n = (status: DiffStatus) => all.filter((e) => e.status === status).length;
  return { added: n('added'), changed: n('changed'), unchanged: n('unchanged'), onlyInRegister: n('only_in_register') };
}
