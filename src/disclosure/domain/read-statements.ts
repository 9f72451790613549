import type { Fen } from '../../common/money/money.js';
import type { DisclosureUnit } from './disclosure-document.js';
import { readAmount, type TextLine } from './document-text.js';

/**
 * Figures the explanatory text states in a sentence, which the PDF breaks anywhere
 * ("本年度拟购置固定资产总" / "额为 0.19万元"): the lines are joined without breaks and searched,
 * and a match is reported at the line it starts on.
 */
export class Statements {
  private readonly text: string;
  private readonly starts: { offset: number; line: number }[] = [];

  constructor(lines: readonly TextLine[]) {
    let offset = 0;
    for (const line of lines) {
      this.starts.push({ offset, line: line.number });
      offset += line.text.length;
    }
    this.text = lines.map((l) => l.text).join('');
  }

  /** The amount in `pattern`'s first group, in 万元 as the sentences print it, with its line. */
  amount(
    pattern: RegExp,
    unit: DisclosureUnit = '万元',
  ): { line: number; amount: Fen; raw: string } | { line: number; amount: null; raw: string } | null {
    const match = pattern.exec(this.text);
    if (!match) return null;
    const line = this.lineAt(match.index);
    return { line, amount: readAmount(match[1], unit), raw: match[1] };
  }

  private lineAt(offset: number): number {
    let line = this.starts[0]?.line ?? 1;
    for (const start of this.starts) {
      if (start.offset > offset) break;
      line = start.line;
    }
    return line;
  }
}

export const PLANNED_ASSET_PURCHASES = /本年度拟购置固定资产总额为\s*(\S+?)\s*万元/;
export const PROCUREMENT_TOTAL = /安排政府采购预算\s*(\S+?)\s*万元/;
export const HOLDINGS_VALUE = /上年末固定资产金额为\s*(\S+?)\s*万元/;
