import type { DisclosureHeader, DocumentProject } from './disclosure-document.js';
import { normalizeName, tokens } from './document-text.js';
import type { Section } from './document-sections.js';
import type { Findings } from './findings.js';
import { amountOrError } from './read-income.js';

const CODE_LINE = /^项目编码\s+(\S+)\s+项目名称\s*(.*)$/;
const BUDGET_LINE = /^预算数\s+(\S+)/;
const NAME_ENDS = /^(预算规模及资金用途|预算数)/;
const PROJECT_CODE = /^[0-9A-Za-z_.-]{1,64}$/;

/**
 * The projects of 七、部门项目预算安排情况: `项目编码 … 项目名称 …` (the name may wrap onto the
 * following lines, up to 预算规模及资金用途), then `预算数 15.00`.
 */
export function readProjects(sections: readonly Section[], header: DisclosureHeader, findings: Findings): DocumentProject[] {
  const projects: DocumentProject[] = [];
  let open: { line: number; code: string; name: string; naming: boolean } | null = null;
  for (const line of sections.flatMap((s) => s.lines)) {
    const code = CODE_LINE.exec(line.text);
    if (code) {
      if (open) findings.error(open.line, `项目 ${open.code}: no 预算数 before the next project`);
      if (!PROJECT_CODE.test(code[1])) {
        findings.skip(line.number, `项目编码 "${code[1]}" is not a project code (letters, digits, "." "_" "-")`);
        open = null;
        continue;
      }
      open = { line: line.number, code: code[1], name: code[2], naming: true };
      continue;
    }
    if (!open) continue;
    if (open.naming && !NAME_ENDS.test(line.text)) {
      open.name += ` ${line.text}`;
      continue;
    }
    open.naming = false;
    const budget = BUDGET_LINE.exec(line.text);
    if (!budget) continue;
    const amount = amountOrError(tokens(budget[1])[0], header.unit, line.number, findings);
    if (amount !== null) projects.push({ line: open.line, projectCode: open.code, name: normalizeName(open.name), budget: amount });
    open = null;
  }
  if (open) findings.error(open.line, `项目 ${open.code}: the document ends before its 预算数`);
  return projects;
}
