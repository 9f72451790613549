import type { FundingSplit } from '../../common/funding/funding.js';
import type { Fen } from '../../common/money/money.js';

/** A live (not cancelled) purchase as the rules see it. */
export interface CheckedPurchase {
  purchaseId: string;
  projectCode: string;
  catalogCode: string;
  procurementType: 'goods' | 'works' | 'services';
  /** The purchase's 部门经济分类 line: set by the officer, else the catalog's default. */
  economicCode: string | null;
  /** A fixed asset at its planned unit price (goods only; Classifier.capitalizationOf). */
  capitalizable: boolean;
  /** 元 per unit as planned, in fen. */
  unitPrice: Fen;
  amount: Fen;
  funding: FundingSplit;
}

export interface CheckedBudgetLine {
  economicCode: string;
  name: string;
  amount: Fen;
}

export interface CheckedProject {
  projectCode: string;
  name: string;
  budget: Fen;
}

/** Everything the rules need about one department-year, read from the read models. */
export interface CrossCheckInput {
  /** Economic-classification lines as set: 类 (310, 302) and 款 (31002, 30231) side by side. */
  lines: readonly CheckedBudgetLine[];
  projects: readonly CheckedProject[];
  /** The budget's stated total of planned fixed-asset purchases; null when not declared. */
  plannedAssetPurchases: Fen | null;
  /** Income by funding source; null when not declared (a declared source without a part is zero). */
  income: FundingSplit | null;
  purchases: readonly CheckedPurchase[];
  /** Reference names of economic lines, for lines the budget does not have. */
  lineNames: Readonly<Record<string, string>>;
}

/** Lines by code, 款 lines of one 类 only (`310` → 31001, 31002 …, never 310 itself). */
export function childLines(input: CrossCheckInput, parent: string): Map<string, CheckedBudgetLine> {
  return new Map(input.lines.filter((l) => isChildOf(l.economicCode, parent)).map((l) => [l.economicCode, l]));
}

export const isChildOf = (code: string | null, parent: string): code is string =>
  code !== null && code.length === parent.length + 2 && code.startsWith(parent);

export function lineLabel(input: CrossCheckInput, code: string): string {
  const name = input.lines.find((l) => l.economicCode === code)?.name ?? input.lineNames[code];
  return name ? `${code} ${name}` : code;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
