import {
  FUNDING_SOURCE_NAMES,
  FUNDING_SOURCES,
  fundingTotal,
  type FundingSource,
  type FundingSplit,
} from '../../common/funding/funding.js';
import { formatWanYuan, formatYuan } from '../../common/money/money.js';
import type { BudgetReference } from '../infrastructure/budget.repository.js';

/** The API's budget reference of a department-year: money in 元 strings, with 万元 beside. */
export interface ProjectView {
  projectCode: string;
  name: string;
  budget: string;
  budgetWan: string;
}

export interface BudgetLineView {
  economicCode: string;
  name: string;
  /** The 类 (3-digit) line a 款 (5-digit) line belongs to. */
  parentCode: string | null;
  amount: string;
  amountWan: string;
  funding: Record<string, string> | null;
}

export interface AmountView {
  amount: string;
  amountWan: string;
}

export interface IncomeSourceView {
  source: FundingSource;
  name: string;
  amount: string;
  amountWan: string;
}

export interface IncomeView {
  sources: IncomeSourceView[];
  total: string;
  totalWan: string;
}

export interface BudgetView {
  department: string;
  budgetYear: number;
  projects: ProjectView[];
  budgetLines: BudgetLineView[];
  plannedAssetPurchases: AmountView | null;
  income: IncomeView | null;
}

export function budgetView(department: string, budgetYear: number, ref: BudgetReference): BudgetView {
  return {
    department,
    budgetYear,
    projects: ref.projects.map((p) => ({
      projectCode: p.projectCode,
      name: p.name,
      budget: formatYuan(p.budget),
      budgetWan: formatWanYuan(p.budget),
    })),
    budgetLines: ref.lines.map((l) => ({
      economicCode: l.economicCode,
      name: l.name,
      parentCode: l.economicCode.length === 5 ? l.economicCode.slice(0, 3) : null,
      amount: formatYuan(l.amount),
      amountWan: formatWanYuan(l.amount),
      funding: l.funding,
    })),
    plannedAssetPurchases:
      ref.plannedAssetPurchases === null
        ? null
        : { amount: formatYuan(ref.plannedAssetPurchases), amountWan: formatWanYuan(ref.plannedAssetPurchases) },
    income: ref.income === null ? null : incomeView(ref.income),
  };
}

function incomeView(income: FundingSplit): IncomeView {
  const total = fundingTotal(income);
  return {
    sources: FUNDING_SOURCES.map((source) => {
      const fen = income[source] ?? 0n;
      return { source, name: FUNDING_SOURCE_NAMES[source], amount: formatYuan(fen), amountWan: formatWanYuan(fen) };
    }),
    total: formatYuan(total),
    totalWan: formatWanYuan(total),
  };
}
