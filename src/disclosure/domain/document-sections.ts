import type { TextLine } from './document-text.js';

export type SectionKind = 'income' | 'basic-expenditure' | 'projects' | 'procurement' | 'holdings' | 'other-table' | 'prose';

export interface Section {
  readonly kind: SectionKind;
  readonly title: string;
  readonly titleLine: number;
  readonly lines: readonly TextLine[];
}

/** The tables of the seed's layout this import reads, by their printed titles. */
const TABLE_TITLES: Readonly<Record<string, SectionKind>> = {
  部门预算收支总表: 'income',
  部门预算一般公共预算财政拨款基本支出表: 'basic-expenditure',
  部门政府采购预算: 'procurement',
  部门固定资产占用情况表: 'holdings',
};

/** Any other table title of a budget or final-accounts document ("部门预算收入总表", "部门决算支出表"). */
const OTHER_TABLE = /^[^\s，。、]{0,30}(预算|决算)[^\s，。]{0,30}表$/;
/** A chapter of the explanatory part ("七、部门项目预算安排情况及绩效目标", "第一部分 …"). */
const CHAPTER = /^([一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)/;
const PROJECTS_CHAPTER = /^[一二三四五六七八九十]+、部门项目预算安排情况/;

/**
 * Cuts the document at its table titles and chapter headings. A table runs until the next
 * title or chapter, so repeated page headers stay inside the table they interrupt.
 */
export function splitSections(lines: readonly TextLine[]): Section[] {
  const sections: Section[] = [];
  let current: { kind: SectionKind; title: string; titleLine: number; lines: TextLine[] } = {
    kind: 'prose',
    title: '',
    titleLine: 0,
    lines: [],
  };
  for (const line of lines) {
    const kind = titleKind(line.text);
    if (kind) {
      sections.push(current);
      current = { kind, title: line.text, titleLine: line.number, lines: [] };
    } else {
      current.lines.push(line);
    }
  }
  sections.push(current);
  return sections.filter((s) => s.titleLine > 0 || s.lines.length > 0);
}

function titleKind(text: string): SectionKind | null {
  const table = TABLE_TITLES[text];
  if (table) return table;
  if (PROJECTS_CHAPTER.test(text)) return 'projects';
  if (CHAPTER.test(text)) return 'prose';
  if (OTHER_TABLE.test(text)) return 'other-table';
  return null;
}
