import { ValidationError } from '../errors/domain-error.js';
import { type Fen, formatYuan, parseYuan, sumFen, yuanToFen } from '../money/money.js';

/** 资金来源, the funding-source columns of the disclosure tables, in their order there. */
export const FUNDING_SOURCES = [
  'general_budget',
  'gov_fund',
  'state_capital',
  'fiscal_special_account',
  'unit_funds',
  'carry_over',
] as const;

export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const FUNDING_SOURCE_NAMES: Record<FundingSource, string> = {
  general_budget: '一般公共预算拨款',
  gov_fund: '政府性基金预算拨款',
  state_capital: '国有资本经营预算拨款',
  fiscal_special_account: '财政专户管理资金',
  unit_funds: '单位资金',
  carry_over: '上年结转结余',
};

/** Non-zero parts only: an absent source and a zero one mean the same thing. */
export type FundingSplit = Partial<Record<FundingSource, Fen>>;

const isFundingSource = (key: string): key is FundingSource => (FUNDING_SOURCES as readonly string[]).includes(key);

/** How a context reads a split: its own error codes, and how one part is read (and checked). */
export interface FundingRules {
  /** Not an object. Default `FUNDING.INVALID`. */
  invalidCode?: string;
  /** A key that is not a funding source. Default `FUNDING.UNKNOWN_SOURCE`. */
  unknownSourceCode?: string;
  /** One part, named `funding.<source>` in its errors. Default: parseYuan of the API's 元 text. */
  part?: (value: unknown, field: string) => Fen;
}

/** `{ general_budget: "1900.00" }` → fen per source; unknown sources and bad amounts → 400 naming them. */
export function parseFunding(value: unknown, field = 'funding', rules: FundingRules = {}): FundingSplit {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(rules.invalidCode ?? 'FUNDING.INVALID', `${field} must be an object of amounts by funding source`, field);
  }
  const part = rules.part ?? parseYuan;
  const split: FundingSplit = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!isFundingSource(key)) {
      throw new ValidationError(
        rules.unknownSourceCode ?? 'FUNDING.UNKNOWN_SOURCE',
        `${field}.${key} is not a funding source; use ${FUNDING_SOURCES.join(', ')}`,
        `${field}.${key}`,
      );
    }
    const fen = part(raw, `${field}.${key}`);
    if (fen > 0n) split[key] = fen;
  }
  return split;
}

export function fundingTotal(split: FundingSplit): Fen {
  return sumFen(Object.values<Fen>(split));
}

/** The parts must add up to the amount exactly, to the fen. */
export function requireFundingMatches(split: FundingSplit, amount: Fen, field = 'funding'): void {
  const total = fundingTotal(split);
  if (total !== amount) {
    throw new ValidationError(
      'FUNDING.SUM_MISMATCH',
      `${field} parts sum to ${formatYuan(total)} but the amount is ${formatYuan(amount)}`,
      field,
    );
  }
}

/** For events and responses: 元 strings, in the disclosure's column order. */
export function formatFunding(split: FundingSplit): Partial<Record<FundingSource, string>> {
  const out: Partial<Record<FundingSource, string>> = {};
  for (const source of FUNDING_SOURCES) if (split[source] !== undefined) out[source] = formatYuan(split[source]);
  return out;
}

/**
 * The inverse of formatFunding, for state rebuilt from events. Stored data is trusted as
 * written; a malformed amount is corruption (a 500 from yuanToFen), never a client's 400.
 */
export function readFunding(formatted: Partial<Record<string, string>>): FundingSplit {
  const split: FundingSplit = {};
  for (const [source, amount] of Object.entries(formatted)) {
    if (isFundingSource(source) && amount !== undefined) split[source] = yuanToFen(amount);
  }
  return split;
}
