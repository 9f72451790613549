import { divideHalfUp, formatWanYuan, sumFen, type Fen } from '../../common/money/index.js';

/** A cell of an official table: text, an amount in fen (printed in 万元), a count, a quantity ("1", "2.5"), or empty. */
export type TableCell = string | { readonly fen: Fen } | { readonly count: bigint } | { readonly quantity: string } | null;

/** An official disclosure table, independent of the file format it is written in. */
export interface OfficialTable {
  readonly sheetName: string;
  /** Title lines above the header (table name; department, year or date, unit). */
  readonly titles: readonly string[];
  readonly header: readonly (readonly (string | null)[])[];
  /** Header merges relative to the header's first row and column (0-based, inclusive). */
  readonly headerMerges: readonly { readonly fromRow: number; readonly fromCol: number; readonly toRow: number; readonly toCol: number }[];
  readonly rows: readonly (readonly TableCell[])[];
  readonly notes: readonly string[];
  readonly columnWidths: readonly number[];
}

const WAN_CENT = 10_000n;

/**
 * The rounding rule of the exports: each row rounds half-up to 0.01 万元 on its own; a total is
 * computed from fen and rounded once. When the rounded rows do not add up to the rounded total
 * the table says so in a note; no row is ever adjusted to make them agree.
 */
export function roundingNote(label: string, rows: readonly Fen[], total: Fen): string | null {
  const roundedRows = sumFen(rows.map((fen) => divideHalfUp(fen, WAN_CENT)));
  const roundedTotal = divideHalfUp(total, WAN_CENT);
  if (roundedRows === roundedTotal) return null;
  return (
    `注：${label}各行按万元四舍五入后之和为 ${formatWanYuan(roundedRows * WAN_CENT)}，` +
    `合计按元计算后四舍五入为 ${formatWanYuan(total)}，相差 ${formatWanYuan((roundedTotal - roundedRows) * WAN_CENT)} 万元。`
  );
}

/** 0 prints as an empty cell, as the official tables leave unused amount columns blank. */
export const amountOrBlank = (fen: Fen | undefined): TableCell => (fen === undefined || fen === 0n ? null : { fen });
