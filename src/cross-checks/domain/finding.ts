import type { FundingSource } from '../../common/funding/funding.js';
import { type Fen, formatWanYuan, formatYuan } from '../../common/money/money.js';

/** The finding codes, in the order results list them (rule by rule, as in DESIGN §4). */
export const FINDING_RULES = [
  'PLANNED_WITHOUT_BUDGET_LINE',
  'BUDGET_LINE_WITHOUT_PLANNED_PURCHASE',
  'AMOUNT_MISMATCH',
  'PARENT_TOTAL_MISMATCH',
  'PLANNED_ASSET_TOTAL_MISMATCH',
  'PROJECT_OVER_BUDGET',
  'SERVICE_LINE_EXCEEDED',
  'FUNDING_SOURCE_EXCEEDED',
  'AMOUNT_SCALE_SUSPECT',
] as const;

export type FindingRule = (typeof FINDING_RULES)[number];

/** `error` fails the department-year; `warning` is shown but leaves it passing. */
export type Severity = 'error' | 'warning';

export interface Message {
  zh: string;
  en: string;
}

/**
 * Amounts by name, each in 元 (`budget`) and 万元 (`budgetWan`). `difference` is always the
 * reference figure (budget line, declared total, project budget, income) minus the planned
 * sum, so an overrun is negative.
 */
export type Amounts = Record<string, string>;

/** What a finding is about: budget lines, projects, funding sources, never purchase ids (their set grows with the year). */
export interface FindingRefs {
  /** Only in GET …/cross-checks, read at query time; an event's finding never has it. */
  purchaseIds?: string[];
  economicCodes: string[];
  projectCodes: string[];
  fundingSources: FundingSource[];
}

/**
 * One inconsistency, identified by its rule, what it refers to and its amounts. A plain JSON
 * value: without `refs.purchaseIds` it travels as is in CrossCheckChanged.
 */
export interface Finding {
  rule: FindingRule;
  severity: Severity;
  message: Message;
  amounts: Amounts;
  refs: FindingRefs;
}

/** A rule that could not be applied, and why (e.g. the income is not declared). */
export interface NotEvaluated {
  rule: FindingRule;
  reason: string;
  message: Message;
}

/** `{ budget: 190000n }` → `{ budget: "1900.00", budgetWan: "0.19" }`, in the given order. */
export function amounts(values: Record<string, Fen>): Amounts {
  const out: Amounts = {};
  for (const [name, fen] of Object.entries(values)) {
    out[name] = formatYuan(fen);
    out[`${name}Wan`] = formatWanYuan(fen);
  }
  return out;
}

const sortedUnique = <T extends string>(values: Iterable<T>): T[] => [...new Set(values)].sort();

/** Refs as sorted sets, so the same facts always give the same finding; purchase ids only when the input carries them. */
export function refs(parts: {
  purchases?: ReadonlyArray<{ purchaseIds?: readonly string[]; projectCode: string }>;
  economicCodes?: readonly string[];
  projectCodes?: readonly string[];
  fundingSources?: readonly FundingSource[];
}): FindingRefs {
  const purchases = parts.purchases ?? [];
  const listed = purchases.some((p) => p.purchaseIds !== undefined);
  return {
    ...(listed ? { purchaseIds: sortedUnique(purchases.flatMap((p) => p.purchaseIds ?? [])) } : {}),
    economicCodes: sortedUnique(parts.economicCodes ?? []),
    projectCodes: sortedUnique([...(parts.projectCodes ?? []), ...purchases.map((p) => p.projectCode)]),
    fundingSources: sortedUnique(parts.fundingSources ?? []),
  };
}

/** 元 for messages. */
export const yuan = (fen: Fen) => `${formatYuan(fen)} 元`;
