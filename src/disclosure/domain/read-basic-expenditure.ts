import { formatWanYuan, sumFen, type Fen } from '../../common/money/money.js';
import type { DisclosureDocument, DisclosureHeader, EconomicLine } from './disclosure-document.js';
import { looksNumeric, normalizeName, tokens, type TextLine } from './document-text.js';
import type { Section } from './document-sections.js';
import type { Findings } from './findings.js';
import { amountOrError } from './read-income.js';
import { isPageHeader } from './read-header.js';

/** `13 302 商品和服务支出 52.47 52.47`: row number, 3- or 5-digit economic code, name, amounts. */
const ROW_START = /^\d+\s+(\d{3}|\d{5})(?:\s+(.*))?$/;
const TOTAL = /^\d+\s+合\s*计\s+(.*)$/;
/** Column headings of the table, repeated on each page. */
const HEADINGS = /^(序号|支出部门经济分类科目|科目编码|栏次)/;

/**
 * 一般公共预算基本支出 by economic line (parent 类 lines included). Only the first amount, the
 * 合计 column, is taken: the 人员经费 / 公用经费 split cannot be told apart once empty cells vanish.
 * A row whose name wraps onto the next lines is re-joined until its amounts appear.
 */
export function readBasicExpenditure(
  sections: readonly Section[],
  header: DisclosureHeader,
  findings: Findings,
): DisclosureDocument['basicExpenditure'] {
  const lines = sections.flatMap((s) => s.lines);
  if (sections.length === 0) return null;
  const rows: EconomicLine[] = [];
  let total: { line: number; amount: Fen } | null = null;
  let pending: { line: number; code: string; text: string } | null = null;

  const finish = (line: TextLine | null, amountsText: string) => {
    if (!pending) return;
    const [first] = tokens(amountsText);
    const amount = amountOrError(first, header.unit, line?.number ?? pending.line, findings);
    if (amount !== null) rows.push({ line: pending.line, economicCode: pending.code, name: normalizeName(pending.text), amount });
    pending = null;
  };

  for (const line of lines) {
    if (isPageHeader(line.text, header) || HEADINGS.test(line.text) || line.text.startsWith('注：')) continue;
    const totalMatch = TOTAL.exec(line.text);
    if (totalMatch) {
      const amount = amountOrError(tokens(totalMatch[1])[0] ?? '', header.unit, line.number, findings);
      if (amount !== null) total = { line: line.number, amount };
      continue;
    }
    const start = ROW_START.exec(line.text);
    if (start && !pending) {
      pending = { line: line.number, code: start[1], text: '' };
      consume(start[2] ?? '', line);
      continue;
    }
    if (pending) {
      consume(line.text, line);
      continue;
    }
    findings.skip(line.number, `基本支出表: "${line.text}" is not an economic-line row`);
  }
  if (pending) findings.error((pending as { line: number }).line, '基本支出表: the row has no amounts (the document ends inside it)');

  function consume(text: string, line: TextLine) {
    const parts = tokens(text);
    const firstNumeric = parts.findIndex(looksNumeric);
    if (firstNumeric < 0) {
      pending!.text += ` ${text}`;
      return;
    }
    pending!.text += ` ${parts.slice(0, firstNumeric).join(' ')}`;
    finish(line, parts.slice(firstNumeric).join(' '));
  }

  checkSums(rows, total, findings);
  return { lines: rows, total: total?.amount ?? null };
}

/** 合计 = Σ 类 lines; each 类 (3 digits) = Σ its 款 (5 digits) when it has any. */
function checkSums(rows: readonly EconomicLine[], total: { line: number; amount: Fen } | null, findings: Findings): void {
  const parents = rows.filter((r) => r.economicCode.length === 3);
  if (total) {
    const sum = sumFen(parents.map((r) => r.amount));
    if (sum !== total.amount) {
      findings.inconsistent(
        total.line,
        `基本支出表: the 类 lines add up to ${formatWanYuan(sum)} 万元, 合计 says ${formatWanYuan(total.amount)}`,
      );
    }
  }
  for (const parent of parents) {
    const children = rows.filter((r) => r.economicCode.length === 5 && r.economicCode.startsWith(parent.economicCode));
    if (children.length === 0) continue;
    const sum = sumFen(children.map((r) => r.amount));
    if (sum !== parent.amount) {
      findings.inconsistent(
        parent.line,
        `基本支出表: the lines of ${parent.economicCode} ${parent.name} add up to ${formatWanYuan(sum)} 万元, the line says ${formatWanYuan(parent.amount)}`,
      );
    }
  }
}
