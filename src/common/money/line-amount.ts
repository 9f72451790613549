import type { Fen } from './money.js';
import { Quantity } from './quantity.js';
import { divideHalfUp } from './rounding.js';

/**
 * The amount of a line, quantity × unit price, rounded to the fen half away from zero
 * (四舍五入): 2.5 × 0.33 元 = 0.825 元 → 0.83 元. This is the "documented rounding" against
 * which a submitted amount must match exactly (DESIGN §4).
 */
export function lineAmount(quantity: Quantity, unitPrice: Fen): Fen {
  return divideHalfUp(quantity.units * unitPrice, 10n ** BigInt(Quantity.SCALE));
}
