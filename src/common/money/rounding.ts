/**
 * Integer division rounded half away from zero (1.5 → 2, −1.5 → −2): the rounding of
 * 四舍五入 as finance offices and the published disclosure tables apply it, symmetric so
 * that a negative difference rounds to the mirror of the positive one.
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('divideHalfUp needs a positive denominator');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}
