import type { FundingSource, FundingSplit } from '../../common/funding/funding.js';
import { formatWanYuan, sumFen, type Fen } from '../../common/money/money.js';
import type { DisclosureDocument, DisclosureUnit } from './disclosure-document.js';
import { amountProblem, looksNumeric, readAmount, tokens } from './document-text.js';
import type { Findings } from './findings.js';
import type { Section } from './document-sections.js';

/** The income rows of 部门预算收支总表, by the funding source each names. */
const INCOME_ROWS: readonly [string, FundingSource][] = [
  ['一般公共预算拨款收入', 'general_budget'],
  ['政府性基金预算拨款收入', 'gov_fund'],
  ['国有资本经营预算拨款收入', 'state_capital'],
  ['财政专户管理资金收入', 'fiscal_special_account'],
  ['单位资金', 'unit_funds'],
  ['上年结转结余', 'carry_over'],
];

const ROW = /^\d+\s+(?:[一二三四五六七八九十]+、)?(\S+)(?:\s+(.*))?$/;
const TOTAL = /收入总计\s+(\S+)/;

export function readIncome(sections: readonly Section[], unit: DisclosureUnit, findings: Findings): DisclosureDocument['income'] {
  const lines = sections.flatMap((s) => s.lines);
  if (lines.length === 0) return null;
  const parts: FundingSplit = {};
  let total: Fen | null = null;
  let totalLine = sections[0].titleLine;
  for (const line of lines) {
    const totalMatch = TOTAL.exec(line.text);
    if (totalMatch) {
      total = amountOrError(totalMatch[1], unit, line.number, findings);
      totalLine = line.number;
      continue;
    }
    const match = ROW.exec(line.text);
    const source = match && INCOME_ROWS.find(([label]) => label === match[1])?.[1];
    if (!match || !source) continue;
    const next = tokens(match[2] ?? '')[0];
    if (next === undefined || !looksNumeric(next)) continue;
    const amount = amountOrError(next, unit, line.number, findings);
    if (amount !== null && amount > 0n) parts[source] = amount;
  }
  const sum = sumFen(Object.values(parts));
  if (total !== null && sum !== total) {
    findings.inconsistent(
      totalLine,
      `收支总表: the income rows add up to ${formatWanYuan(sum)} 万元, 收入总计 says ${formatWanYuan(total)}`,
    );
  }
  return { line: sections[0].titleLine, parts, total };
}

export function amountOrError(token: string, unit: DisclosureUnit, line: number, findings: Findings): Fen | null {
  const amount = readAmount(token, unit);
  if (amount === null) findings.error(line, amountProblem(token, unit));
  return amount;
}
