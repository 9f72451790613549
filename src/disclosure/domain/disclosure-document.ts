import type { FundingSplit } from '../../common/funding/funding.js';
import type { Fen } from '../../common/money/money.js';
import type { Quantity } from '../../common/money/quantity.js';

/** A line of the document the import did not take, or that does not add up, and why. */
export interface LineNote {
  /** 1-based line of the document text. */
  readonly line: number;
  readonly reason: string;
}

export type DisclosureUnit = '万元' | '元';

export interface DisclosureHeader {
  readonly line: number;
  readonly department: string;
  readonly departmentName: string;
  readonly budgetYear: number;
  readonly unit: DisclosureUnit;
  /** 预算 (budget) or 决算 (final accounts: read, never imported as a budget). */
  readonly kind: '预算' | '决算';
}

export interface EconomicLine {
  readonly line: number;
  readonly economicCode: string;
  readonly name: string;
  readonly amount: Fen;
}

export interface DocumentProject {
  readonly line: number;
  /** Null when the document names the project without a code (only the procurement table). */
  readonly projectCode: string | null;
  readonly name: string;
  readonly budget: Fen;
}

export interface ProcurementRow {
  readonly line: number;
  readonly projectName: string;
  readonly projectBudget: Fen;
  readonly itemName: string;
  readonly catalogCode: string;
  readonly unit: string;
  readonly quantity: Quantity;
  readonly unitPrice: Fen;
  readonly amount: Fen;
  readonly funding: FundingSplit;
  readonly smeReserved: Fen;
}

export interface HoldingsRow {
  readonly line: number;
  readonly category: string;
  readonly count: bigint;
  readonly value: Fen;
}

/** Everything read from one disclosure document; amounts in fen, whatever the document's unit. */
export interface DisclosureDocument {
  readonly header: DisclosureHeader | null;
  readonly income: { readonly line: number; readonly parts: FundingSplit; readonly total: Fen | null } | null;
  readonly basicExpenditure: { readonly lines: readonly EconomicLine[]; readonly total: Fen | null } | null;
  readonly projects: readonly DocumentProject[];
  readonly procurement: {
    readonly rows: readonly ProcurementRow[];
    readonly total: Fen | null;
    readonly subtotals: readonly { readonly line: number; readonly unitName: string; readonly amount: Fen }[];
    /** 安排政府采购预算 X万元 in the text. */
    readonly declaredTotal: Fen | null;
  } | null;
  readonly holdings: {
    readonly asOf: string | null;
    readonly rows: readonly HoldingsRow[];
    readonly total: { readonly line: number; readonly count: bigint; readonly value: Fen } | null;
    /** 上年末固定资产金额为 X万元 in the text. */
    readonly declaredValue: Fen | null;
  } | null;
  /** 本年度拟购置固定资产总额为 X万元. */
  readonly plannedAssetPurchases: { readonly line: number; readonly amount: Fen } | null;
  readonly skipped: readonly LineNote[];
  /** Cells that cannot be read (a corrupted amount, a row cut off): the import refuses the document. */
  readonly errors: readonly LineNote[];
  /** Figures that do not add up; the import refuses the document. */
  readonly inconsistencies: readonly LineNote[];
}
