import { type Fen, formatYuan } from './money.js';

/** 100.00 元: below it, an amount with a fraction is more likely 万元 typed where 元 belong. */
const SUSPECT_BELOW: Fen = 10_000n;
const FEN_PER_WAN_YUAN = 1_000_000n;

/**
 * Whether `fen` looks like an amount typed in 万元: under 100.00 元 with a non-zero fraction
 * (a shredder at "0.19" is 1900 元 written as 0.19 万元). Plausible amounts are never refused,
 * only flagged: a 12.50 元 stapler is real.
 */
export function looksLikeWanYuan(fen: Fen): boolean {
  return fen > 0n && fen < SUSPECT_BELOW && fen % 100n !== 0n;
}

/** What the amount would be in 元 had it been meant as 万元: 19n (0.19) → "1900.00". */
export function asIfWanYuan(fen: Fen): string {
  return formatYuan(fen * (FEN_PER_WAN_YUAN / 100n));
}
