import { formatWanYuan, sumFen } from '../../common/money/money.js';
import type { DisclosureDocument, DisclosureHeader, HoldingsRow } from './disclosure-document.js';
import type { Section } from './document-sections.js';
import type { Findings } from './findings.js';
import { amountOrError } from './read-income.js';

const AS_OF = /截止时间[：:]\s*(\d{4})-(\d{2})-(\d{2})/;
const ROW = /^(.+?)\s+(\d+)\s+(\S+)$/;
const HEADINGS = /^项\s*目\s+数量/;

/** 部门固定资产占用情况表: `类别 数量 价值`, the 合计 row, and `截止时间：YYYY-MM-DD` as the as-of date. */
export function readHoldings(
  sections: readonly Section[],
  header: DisclosureHeader,
  findings: Findings,
): Omit<NonNullable<DisclosureDocument['holdings']>, 'declaredValue'> | null {
  if (sections.length === 0) return null;
  let asOf: string | null = null;
  const rows: HoldingsRow[] = [];
  let total: { line: number; count: bigint; value: bigint } | null = null;
  for (const line of sections.flatMap((s) => s.lines)) {
    const date = AS_OF.exec(line.text);
    if (date) {
      asOf = `${date[1]}-${date[2]}-${date[3]}`;
      continue;
    }
    if (HEADINGS.test(line.text)) continue;
    const row = ROW.exec(line.text);
    if (!row) {
      findings.skip(line.number, `固定资产占用情况表: "${line.text}" is not a category row`);
      continue;
    }
    const value = amountOrError(row[3], header.unit, line.number, findings);
    if (value === null) continue;
    const category = row[1].replace(/\s+/g, '');
    if (category === '合计') total = { line: line.number, count: BigInt(row[2]), value };
    else rows.push({ line: line.number, category, count: BigInt(row[2]), value });
  }
  const firstLine = sections[0].titleLine;
  if (asOf === null) findings.error(firstLine, '固定资产占用情况表: no 截止时间 (as-of date)');
  if (total) {
    const count = rows.reduce((n, r) => n + r.count, 0n);
    const value = sumFen(rows.map((r) => r.value));
    if (count !== total.count || value !== total.value) {
      findings.inconsistent(
        total.line,
        `固定资产占用情况表: the categories add up to ${count} / ${formatWanYuan(value)} 万元, 合计 says ${total.count} / ${formatWanYuan(total.value)}`,
      );
    }
  } else if (rows.length > 0) {
    findings.error(firstLine, '固定资产占用情况表: no 合计 row (the document may be cut off)');
  }
  return { asOf, rows, total };
}
