import { FUNDING_SOURCES, type FundingSource, type FundingSplit } from '../../common/funding/funding.js';
import { formatWanYuan, lineAmount, parseQuantity, sumFen, type Fen } from '../../common/money/index.js';
import { ValidationError } from '../../common/errors/domain-error.js';
import type { DisclosureDocument, DisclosureHeader, ProcurementRow } from './disclosure-document.js';
import { amountProblem, looksNumeric, normalizeName, readAmount, tokens, type TextLine } from './document-text.js';
import type { Section } from './document-sections.js';
import type { Findings } from './findings.js';
import { isPageHeader } from './read-header.js';

/** The funding columns of 政府采购金额 after 合计, in the table's order. */
const FUNDING_COLUMNS: readonly FundingSource[] = FUNDING_SOURCES;
const CATALOG_CODE_START = /^[ABC]\d+$/;
const TOTAL = /^合\s*计\s+(.*)$/;

type Fragment = { line: number; text: string };

/**
 * The 部门政府采购预算 table. The PDF text gives each cell as one or more fragments
 * (`车辆维` / `修和保` / `养服务`, `C23120` / `301`) and repeats the page and column headers on
 * every page; a row ends with the line that holds its unit, quantity, unit price and amounts
 * (`个 1 0.19 0.19 0.19 0.19`). Fragments before it are, in order: the project name, the
 * project's 预算资金, the item name, the catalog code.
 *
 * Empty cells vanish, so the amounts after 合计 are read as: one funding amount equal to 合计
 * (assigned to the department's only income source, else 一般公共预算拨款) and the SME share
 * when one more follows; or all six funding columns and the SME share. Anything else is
 * ambiguous and reported, never guessed.
 */
export function readProcurement(
  sections: readonly Section[],
  header: DisclosureHeader,
  soleSource: FundingSource | null,
  findings: Findings,
): Omit<NonNullable<DisclosureDocument['procurement']>, 'declaredTotal'> | null {
  if (sections.length === 0) return null;
  const rows: ProcurementRow[] = [];
  const subtotals: { line: number; unitName: string; amount: Fen }[] = [];
  let total: { line: number; amount: Fen } | null = null;
  let pending: Fragment[] = [];
  let inColumnHeader = false;
  let subtotalOf: { line: number; unitName: string } | null = null;
  let previousProject: { name: string; budget: Fen } | null = null;

  const amounts = (texts: readonly string[], line: number): Fen[] | null => {
    const read = texts.map((t) => readAmount(t, header.unit));
    const bad = texts.find((_, i) => read[i] === null);
    if (bad !== undefined) {
      findings.error(line, `政府采购预算: ${amountProblem(bad, header.unit)}`);
      return null;
    }
    return read as Fen[];
  };

  for (const line of sections.flatMap((s) => s.lines)) {
    const text = line.text;
    if (isPageHeader(text, header)) continue;
    if (text.startsWith('注：')) break;
    if (text === '政府采购项目来源') {
      inColumnHeader = true;
      continue;
    }
    if (inColumnHeader) {
      // The last column heading, 上年结转结余, printed as `上年结` / `转结余`.
      if (text.endsWith('转结余')) inColumnHeader = false;
      continue;
    }
    const totalMatch = TOTAL.exec(text);
    if (totalMatch) {
      const values = amounts(tokens(totalMatch[1]), line.number);
      if (values) total = { line: line.number, amount: values[0] };
      pending = [];
      continue;
    }
    if (text === '小计') {
      subtotalOf = { line: line.number, unitName: normalizeName(pending.map((f) => f.text).join('')) };
      pending = [];
      continue;
    }
    if (subtotalOf && tokens(text).every(looksNumeric)) {
      const values = amounts(tokens(text), line.number);
      if (values) subtotals.push({ ...subtotalOf, amount: values[0] });
      subtotalOf = null;
      continue;
    }
    const tail = rowTail(text);
    if (!tail) {
      pending.push({ line: line.number, text });
      continue;
    }
    if (tail.lead.length > 0) pending.push({ line: line.number, text: tail.lead.join(' ') });
    const row = readRow(pending, tail, line, previousProject, amounts, soleSource, findings);
    if (row) {
      rows.push(row);
      previousProject = { name: row.projectName, budget: row.projectBudget };
    }
    pending = [];
  }
  if (pending.length > 0) findings.error(pending[0].line, '政府采购预算: the row is cut off (no unit, quantity and amounts follow)');
  checkTotals(rows, subtotals, total, findings);
  return { rows, total: total?.amount ?? null, subtotals };
}

interface RowTail {
  lead: string[];
  unit: string;
  numbers: string[];
}

/** `个 1 0.19 0.19 0.19 0.19`, possibly after the last fragment of the catalog code: a unit and ≥ 3 numbers. */
function rowTail(text: string): RowTail | null {
  const parts = tokens(text);
  let first = parts.length;
  while (first > 0 && looksNumeric(parts[first - 1])) first--;
  const numbers = parts.slice(first);
  if (numbers.length < 3 || first === 0) return null;
  const unit = parts[first - 1];
  if (CATALOG_CODE_START.test(unit)) return null;
  return { lead: parts.slice(0, first - 1), unit, numbers };
}

function readRow(
  fragments: readonly Fragment[],
  tail: RowTail,
  line: TextLine,
  previous: { name: string; budget: Fen } | null,
  amounts: (texts: readonly string[], line: number) => Fen[] | null,
  soleSource: FundingSource | null,
  findings: Findings,
): ProcurementRow | null {
  const where = `政府采购预算 row ending at line ${line.number}`;
  const start = fragments[0]?.line ?? line.number;
  // The project's 预算资金 is the first decimal of the row; the project name is the text before it.
  const budgetAt = fragments.findIndex((f) => tokens(f.text).some(isDecimal));
  let projectName: string;
  let projectBudget: Fen;
  let rest: string[];
  if (budgetAt < 0) {
    if (!previous) {
      findings.error(start, `${where}: no project 预算资金 found`);
      return null;
    }
    // A merged project cell printed once: the row belongs to the project above.
    projectName = previous.name;
    projectBudget = previous.budget;
    rest = fragments.flatMap((f) => tokens(f.text));
  } else {
    const parts = tokens(fragments[budgetAt].text);
    const at = parts.findIndex(isDecimal);
    const budget = amounts([parts[at]], fragments[budgetAt].line);
    if (!budget) return null;
    projectBudget = budget[0];
    const before = [...fragments.slice(0, budgetAt).map((f) => f.text), parts.slice(0, at).join(' ')];
    projectName = normalizeName(before.join(''));
    if (projectName === '' && previous) projectName = previous.name;
    rest = [...parts.slice(at + 1), ...fragments.slice(budgetAt + 1).flatMap((f) => tokens(f.text))];
  }
  const codeAt = rest.findIndex((t) => CATALOG_CODE_START.test(t));
  if (codeAt < 0) {
    findings.error(start, `${where}: no 政府采购目录序号 (catalog code) in the row`);
    return null;
  }
  const codeParts = rest.slice(codeAt);
  if (!codeParts.slice(1).every((t) => /^\d+$/.test(t))) {
    findings.error(start, `${where}: text after the catalog code: "${codeParts.join(' ')}"`);
    return null;
  }
  const itemName = normalizeName(rest.slice(0, codeAt).join(''));
  if (projectName === '' || itemName === '') {
    findings.error(start, `${where}: the project or item name is missing`);
    return null;
  }
  const [quantityText, ...moneyTexts] = tail.numbers;
  let quantity;
  try {
    quantity = parseQuantity(quantityText, 'quantity');
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    findings.error(line.number, `${where}: 数量 "${quantityText}" is not a quantity`);
    return null;
  }
  const money = amounts(moneyTexts, line.number);
  if (!money) return null;
  const [unitPrice, amount, ...after] = money;
  const split = splitAmounts(amount, after, soleSource);
  if (!split) {
    findings.error(line.number, `${where}: cannot tell the funding columns from ${after.length} amounts after 合计`);
    return null;
  }
  if (lineAmount(quantity, unitPrice) !== amount) {
    findings.inconsistent(
      line.number,
      `${where}: 数量 × 单价 = ${formatWanYuan(lineAmount(quantity, unitPrice))} 万元, 合计 says ${formatWanYuan(amount)}`,
    );
  }
  return {
    line: start,
    projectName,
    projectBudget,
    itemName,
    catalogCode: codeParts.join(''),
    unit: tail.unit,
    quantity,
    unitPrice,
    amount,
    ...split,
  };
}

/** A decimal ("21.16", "1,900.00", or a corrupted "21.1a6"); "2024" in "2024 年" is not one. */
const isDecimal = (token: string): boolean => /^\d[\w,]*\.\w*$/.test(token);

function splitAmounts(
  amount: Fen,
  after: readonly Fen[],
  soleSource: FundingSource | null,
): { funding: FundingSplit; smeReserved: Fen } | null {
  if ((after.length === 1 || after.length === 2) && after[0] === amount) {
    return { funding: { [soleSource ?? 'general_budget']: amount }, smeReserved: after[1] ?? 0n };
  }
  if (after.length === FUNDING_COLUMNS.length || after.length === FUNDING_COLUMNS.length + 1) {
    const funding: FundingSplit = {};
    FUNDING_COLUMNS.forEach((source, i) => {
      if (after[i] > 0n) funding[source] = after[i];
    });
    return { funding, smeReserved: after[FUNDING_COLUMNS.length] ?? 0n };
  }
  return null;
}

function checkTotals(
  rows: readonly ProcurementRow[],
  subtotals: readonly { line: number; unitName: string; amount: Fen }[],
  total: { line: number; amount: Fen } | null,
  findings: Findings,
): void {
  const sum = sumFen(rows.map((r) => r.amount));
  if (total && sum !== total.amount) {
    findings.inconsistent(
      total.line,
      `政府采购预算: the rows add up to ${formatWanYuan(sum)} 万元, 合计 says ${formatWanYuan(total.amount)}`,
    );
  }
  // One unit (本级) in this layout: its 小计 covers every row.
  if (subtotals.length === 1 && subtotals[0].amount !== sum) {
    findings.inconsistent(
      subtotals[0].line,
      `政府采购预算: the rows add up to ${formatWanYuan(sum)} 万元, 小计 of ${subtotals[0].unitName} says ${formatWanYuan(subtotals[0].amount)}`,
    );
  }
  for (const row of rows) {
    const funded = sumFen(Object.values(row.funding));
    if (funded !== row.amount) {
      findings.inconsistent(
        row.line,
        `政府采购预算: ${row.itemName}: the funding columns add up to ${formatWanYuan(funded)} 万元, not ${formatWanYuan(row.amount)}`,
      );
    }
  }
  const budgets = new Map<string, Fen>();
  for (const row of rows) {
    const seen = budgets.get(row.projectName);
    if (seen !== undefined && seen !== row.projectBudget) {
      findings.inconsistent(
        row.line,
        `政府采购预算: project ${row.projectName} has 预算资金 ${formatWanYuan(row.projectBudget)} here and ${formatWanYuan(seen)} above`,
      );
    }
    budgets.set(row.projectName, row.projectBudget);
  }
}
