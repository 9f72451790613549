import type { Fen } from '../../common/money/money.js';
import type { FundingSplit } from '../../common/funding/funding.js';

/** Inputs are already parsed (money in fen) and validated for shape at the edge. */
export type BudgetCommand =
  | { kind: 'RegisterProject'; projectCode: string; name: string; budget: Fen }
  | { kind: 'SetBudgetLine'; economicCode: string; name: string; amount: Fen; funding: FundingSplit | null }
  | { kind: 'DeclarePlannedAssetPurchases'; amount: Fen }
  /** The whole income side of the 收支总表 by funding source; absent sources are zero. */
  | { kind: 'DeclareIncome'; income: FundingSplit };
