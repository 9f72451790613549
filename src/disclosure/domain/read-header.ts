import type { DisclosureHeader } from './disclosure-document.js';
import type { TextLine } from './document-text.js';

const HEADER = /^(\S+)\s+(\S+)\s+(预算|决算)年度[：:]\s*(\d{4})\s*年?\s+单位[：:]\s*(万元|元)$/;

/** The first page header: `731 秦皇岛市科学技术协会 预算年度：2024 单位：万元`. */
export function readHeader(lines: readonly TextLine[]): DisclosureHeader | null {
  for (const line of lines) {
    const match = HEADER.exec(line.text);
    if (match && /^[0-9A-Za-z]{1,32}$/.test(match[1])) {
      return {
        line: line.number,
        department: match[1],
        departmentName: match[2],
        kind: match[3] as '预算' | '决算',
        budgetYear: Number(match[4]),
        unit: match[5] as '万元' | '元',
      };
    }
  }
  return null;
}

/** A repeated page header inside a table (with or without 预算年度). */
export function isPageHeader(text: string, header: DisclosureHeader): boolean {
  return text.startsWith(`${header.department} ${header.departmentName}`) && /单位[：:]\s*(万元|元)$/.test(text);
}
