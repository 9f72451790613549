import { FUNDING_SOURCES, type FundingSource, type FundingSplit } from '../../common/funding/funding.js';
import type { Fen } from '../../common/money/money.js';

/**
 * A card's share of the purchase's funding split, to the fen, summing exactly to `value`
 * (largest-remainder method): each source first gets floor(value × part / total); the fen left
 * over go one each to the sources with the largest remainders, ties to the earlier source in
 * FUNDING_SOURCES order (the disclosure's column order). Deterministic, so a replay or a second
 * register computes the same split. Sources whose share comes to 0 are left out.
 */
export function prorateFunding(value: Fen, funding: FundingSplit): FundingSplit {
  if (value < 0n) throw new RangeError('prorateFunding: value must not be negative');
  const parts = FUNDING_SOURCES.flatMap((source) => {
    const part = funding[source];
    return part !== undefined && part > 0n ? [{ source, part }] : [];
  });
  const total = parts.reduce((sum, p) => sum + p.part, 0n);
  if (total === 0n) {
    if (value === 0n) return {};
    throw new RangeError('prorateFunding: a positive value needs a funding split with a positive total');
  }
  const shares = parts.map(({ source, part }, order) => ({
    source,
    order,
    fen: (value * part) / total,
    remainder: (value * part) % total,
  }));
  let left = value - shares.reduce((sum, s) => sum + s.fen, 0n);
  const byRemainder = [...shares].sort((a, b) => (a.remainder === b.remainder ? a.order - b.order : a.remainder > b.remainder ? -1 : 1));
  for (const share of byRemainder) {
    if (left === 0n) break;
    share.fen += 1n;
    left -= 1n;
  }
  const split: Partial<Record<FundingSource, Fen>> = {};
  for (const share of shares) if (share.fen > 0n) split[share.source] = share.fen;
  return split;
}

/**
 * `amount` spread over `count` cards: every card gets floor(amount / count) and the first
 * `amount mod count` cards one fen more, so 100.00 元 over 3 cards is 33.34, 33.33, 33.33 and the
 * cards always add up to the accepted amount.
 */
export function spreadAmount(amount: Fen, count: bigint): Fen[] {
  if (count <= 0n) throw new RangeError('spreadAmount: count must be positive');
  const base = amount / count;
  const extra = amount % count;
  const values: Fen[] = [];
  for (let i = 0n; i < count; i++) values.push(base + (i < extra ? 1n : 0n));
  return values;
}
