import type { Fen } from '../../common/money/money.js';
import type { FundingSplit } from '../../common/funding/funding.js';

export interface ProjectState {
  name: string;
  budget: Fen;
}

export interface BudgetLineState {
  name: string;
  amount: Fen;
  funding: FundingSplit | null;
}

/** What one department-year's budget reference says; the decisions below need nothing more. */
export interface BudgetState {
  projects: ReadonlyMap<string, ProjectState>;
  lines: ReadonlyMap<string, BudgetLineState>;
  plannedAssetPurchases: Fen | null;
  /** Null until declared; once declared, a source without a part is zero. */
  income: FundingSplit | null;
}

export const EMPTY_BUDGET: BudgetState = { projects: new Map(), lines: new Map(), plannedAssetPurchases: null, income: null };
