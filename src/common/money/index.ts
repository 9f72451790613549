export { compareFen, formatWanYuan, formatYuan, parseWanYuan, parseYuan, sumFen, yuanToFen, ZERO_FEN, type Fen } from './money.js';
export { parseQuantity, Quantity } from './quantity.js';
export { lineAmount } from './line-amount.js';
export { divideHalfUp } from './rounding.js';
export { asIfWanYuan, looksLikeWanYuan } from './scale-suspect.js';
