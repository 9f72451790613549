import { parseWanYuan, parseYuan, type Fen } from '../../common/money/money.js';
import type { DisclosureUnit } from './disclosure-document.js';

/** One non-blank line of the document, trimmed, with its 1-based number. */
export interface TextLine {
  readonly number: number;
  readonly text: string;
}

export function documentLines(text: string): TextLine[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ number: index + 1, text: line.replace(/\u3000/g, ' ').trim() }))
    .filter((line) => line.text !== '');
}

/**
 * PDF text puts spaces between Latin and CJK runs ("2024 年初预算") and splits cells across
 * lines; joined fragments and printed names compare equal once spaces next to a CJK
 * character are dropped.
 */
export function normalizeName(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+(?=[^\p{ASCII}])|(?<=[^\p{ASCII}])\s+/gu, '')
    .trim();
}

/** A token that is meant to be a number (it starts with a digit): "17.14", "1,900.00", or a corrupted "0.1a9". */
export function looksNumeric(token: string): boolean {
  return /^\d[\w.,]*$/.test(token);
}

const WAN_YUAN = /^\d{1,11}\.\d{2}$/;
const YUAN = /^(\d{1,3}(,\d{3})+|\d{1,15})(\.\d{1,2})?$/;

/** An amount cell in the document's unit as fen, or null when it is not one (exactly: no float). */
export function readAmount(token: string, unit: DisclosureUnit): Fen | null {
  if (unit === '万元') return WAN_YUAN.test(token) ? parseWanYuan(token, 'amount') : null;
  return YUAN.test(token) ? parseYuan(token.replace(/,/g, ''), 'amount') : null;
}

export function amountProblem(token: string, unit: DisclosureUnit): string {
  return unit === '万元'
    ? `"${token}" is not an amount in 万元 with 2 decimals`
    : `"${token}" is not an amount in 元 (digits, optional thousands separators, at most 2 decimals)`;
}

export const tokens = (text: string): string[] => text.split(/\s+/).filter((t) => t !== '');
