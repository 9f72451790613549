import type { FundingSplit } from '../../common/funding/funding.js';
import type { Fen } from '../../common/money/money.js';

/**
 * The live (not cancelled) purchases of a department-year that share a project, type, economic
 * line and capitalization, as the rules see them: summed, never one by one, so the rules' cost
 * and their findings do not grow with the number of purchases.
 */
export interface PurchaseGroup {
  projectCode: string;
  procurementType: 'goods' | 'works' | 'services';
  /** The purchases' 部门经济分类 line: set by the officer, else the catalog's default. */
  economicCode: string | null;
  /** Fixed assets at their planned unit price (goods only; judged when planned or amended). */
  capitalizable: boolean;
  /** How many purchases the group sums. */
  count: number;
  amount: Fen;
  funding: FundingSplit;
  /** The purchases themselves, read only at query time (GET …/cross-checks lists them); never in an event. */
  purchaseIds?: readonly string[];
}

/** Goods planned at one unit price that may be 万元 typed as 元 (looksLikeWanYuan), by catalog code and project. */
export interface SuspectUnitPrice {
  catalogCode: string;
  projectCode: string;
  unitPrice: Fen;
  purchaseIds?: readonly string[];
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
  purchases: readonly PurchaseGroup[];
  suspectUnitPrices: readonly SuspectUnitPrice[];
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
