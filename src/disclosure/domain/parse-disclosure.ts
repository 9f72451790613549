import { formatWanYuan, type Fen } from '../../common/money/money.js';
import type { FundingSource } from '../../common/funding/funding.js';
import type { DisclosureDocument, DisclosureHeader } from './disclosure-document.js';
import { splitSections, type Section, type SectionKind } from './document-sections.js';
import { documentLines } from './document-text.js';
import { Findings } from './findings.js';
import { readBasicExpenditure } from './read-basic-expenditure.js';
import { readHeader } from './read-header.js';
import { readHoldings } from './read-holdings.js';
import { readIncome } from './read-income.js';
import { readProcurement } from './read-procurement.js';
import { readProjects } from './read-projects.js';
import { HOLDINGS_VALUE, PLANNED_ASSET_PURCHASES, PROCUREMENT_TOTAL, Statements } from './read-statements.js';

const EMPTY: Omit<DisclosureDocument, 'skipped' | 'errors' | 'inconsistencies'> = {
  header: null,
  income: null,
  basicExpenditure: null,
  projects: [],
  procurement: null,
  holdings: null,
  plannedAssetPurchases: null,
};

/**
 * Reads a published department budget disclosure (the text of its PDF) in the layout of the
 * seed. Pure and total: any text gives a document, with what it could not read listed in
 * `skipped` (not this layout, not imported) or `errors` (a table of this layout that cannot be
 * read as printed), never an exception and never a row that is not in the text.
 */
export function parseDisclosure(text: string): DisclosureDocument {
  const findings = new Findings();
  const lines = documentLines(text);
  const header = readHeader(lines);
  if (!header) {
    findings.error(
      lines[0]?.number ?? 1,
      'no header "<department code> <name> 预算年度：YYYY 单位：万元" found: not a budget disclosure of this layout',
    );
    return { ...EMPTY, ...lists(findings) };
  }
  const sections = splitSections(lines);
  const of = (kind: SectionKind) => sections.filter((s) => s.kind === kind);
  for (const section of of('other-table')) findings.skip(section.titleLine, `table ${section.title} is not imported`);
  if (header.kind === '决算') {
    for (const section of sections.filter((s) => s.kind !== 'other-table' && s.kind !== 'prose')) {
      findings.skip(section.titleLine, `${section.title || 'table'}: a 决算 (final accounts) is not imported as a budget`);
    }
    return { ...EMPTY, header, ...lists(findings) };
  }

  const income = readIncome(of('income'), header.unit, findings);
  const sources = Object.keys(income?.parts ?? {}) as FundingSource[];
  const statements = new Statements(lines);
  const procurement = readProcurement(of('procurement'), header, sources.length === 1 ? sources[0] : null, findings);
  const holdings = readHoldings(of('holdings'), header, findings);
  const document: DisclosureDocument = {
    header,
    income,
    basicExpenditure: readBasicExpenditure(of('basic-expenditure'), header, findings),
    projects: readProjects(of('projects'), header, findings),
    procurement: procurement && { ...procurement, declaredTotal: statedAmount(statements, PROCUREMENT_TOTAL, findings) },
    holdings: holdings && { ...holdings, declaredValue: statedAmount(statements, HOLDINGS_VALUE, findings) },
    plannedAssetPurchases: plannedPurchases(statements, findings),
    ...lists(findings),
  };
  crossCheckStatements(document, sections, findings);
  return { ...document, ...lists(findings) };
}

function lists(findings: Findings) {
  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
  return {
    skipped: [...findings.skipped].sort(byLine),
    errors: [...findings.errors].sort(byLine),
    inconsistencies: [...findings.inconsistencies].sort(byLine),
  };
}

function statedAmount(statements: Statements, pattern: RegExp, findings: Findings): Fen | null {
  const found = statements.amount(pattern);
  if (!found) return null;
  if (found.amount === null) findings.error(found.line, `"${found.raw}" is not an amount in 万元 with 2 decimals`);
  return found.amount;
}

function plannedPurchases(statements: Statements, findings: Findings): DisclosureDocument['plannedAssetPurchases'] {
  const found = statements.amount(PLANNED_ASSET_PURCHASES);
  if (!found) return null;
  if (found.amount === null) {
    findings.error(found.line, `拟购置固定资产总额 "${found.raw}" is not an amount in 万元 with 2 decimals`);
    return null;
  }
  return { line: found.line, amount: found.amount };
}

/** A total stated in the text must agree with its table. */
function crossCheckStatements(document: DisclosureDocument, sections: readonly Section[], findings: Findings): void {
  const titleLine = (kind: SectionKind) => sections.find((s) => s.kind === kind)?.titleLine ?? 0;
  const p = document.procurement;
  if (p && p.declaredTotal !== null && p.total !== null && p.declaredTotal !== p.total) {
    findings.inconsistent(
      titleLine('procurement'),
      `the text states 政府采购预算 ${formatWanYuan(p.declaredTotal)} 万元, the table's 合计 is ${formatWanYuan(p.total)}`,
    );
  }
  // A project both tables name must have the same budget in both.
  for (const row of p?.rows ?? []) {
    const project = document.projects.find((x) => x.name === row.projectName);
    if (project && project.budget !== row.projectBudget) {
      findings.inconsistent(
        row.line,
        `政府采购预算: ${row.projectName} has 预算资金 ${formatWanYuan(row.projectBudget)} 万元, 七、部门项目预算 (line ${project.line}) says ${formatWanYuan(project.budget)}`,
      );
    }
  }
  const h = document.holdings;
  if (h && h.declaredValue !== null && h.total !== null && h.declaredValue !== h.total.value) {
    findings.inconsistent(
      titleLine('holdings'),
      `the text states 上年末固定资产金额 ${formatWanYuan(h.declaredValue)} 万元, the table's 合计 is ${formatWanYuan(h.total.value)}`,
    );
  }
}

export type { DisclosureHeader };
