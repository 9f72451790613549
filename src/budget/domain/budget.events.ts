/**
 * Events of a department-year's budget reference stream (`budget-<dept>-<year>`). Public
 * contracts: money as 元 strings with exactly 2 decimals; never change a payload in place.
 */
export type FundingParts = Partial<Record<string, string>>;

export interface ProjectRegistered {
  type: 'ProjectRegistered';
  data: { projectCode: string; name: string; budget: string };
}

/** A registered project's name or budget changed; only the changed fields, old and new. */
export interface ProjectRevised {
  type: 'ProjectRevised';
  data: { projectCode: string; changes: { name?: { from: string; to: string }; budget?: { from: string; to: string } } };
}

/** An economic-classification line (e.g. 31002 办公设备购置) set to an amount, with its funding split. */
export interface BudgetLineSet {
  type: 'BudgetLineSet';
  data: { economicCode: string; name: string; amount: string; funding: FundingParts | null };
}

/** The budget's own statement of this year's planned fixed-asset purchases (拟购置固定资产). */
export interface PlannedAssetPurchasesDeclared {
  type: 'PlannedAssetPurchasesDeclared';
  data: { amount: string };
}

/**
 * The department-year's income by funding source (the income side of the 收支总表), stated
 * whole: a source absent from `income` is zero. `total` is the sum of the parts.
 */
export interface IncomeDeclared {
  type: 'IncomeDeclared';
  data: { income: FundingParts; total: string };
}

export type BudgetEvent = ProjectRegistered | ProjectRevised | BudgetLineSet | PlannedAssetPurchasesDeclared | IncomeDeclared;
