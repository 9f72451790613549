/**
 * Money as the API gives it: 元 as decimal strings with at most two decimals. Arithmetic is on
 * integer fen (bigint), never on JS floats; 万元 are rounded half away from zero to two decimals,
 * as the disclosure tables print them (1,900.00 元 → 0.19 万元).
 */
const YUAN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

export function yuanToFen(text: string): bigint {
  const m = YUAN.exec(text.trim().replace(/,/g, ''));
  if (!m) throw new Error(`not an amount in 元: ${JSON.stringify(text)}`);
  const fen = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

export function isYuan(text: string): boolean {
  return YUAN.test(text.trim().replace(/,/g, ''));
}

const abs = (n: bigint) => (n < 0n ? -n : n);
const groups = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 190000n → "1900.00" (the API's form). */
export function fenToYuan(fen: bigint): string {
  const a = abs(fen);
  return `${fen < 0n ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** "1900.00" or 190000n → "1,900.00": 元 with thousands separators. */
export function formatYuan(value: string | bigint | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const fen = typeof value === 'bigint' ? value : yuanToFen(value);
  const a = abs(fen);
  return `${fen < 0n ? '-' : ''}${groups(String(a / 100n))}.${String(a % 100n).padStart(2, '0')}`;
}

/** 元 → 万元 with two decimals, half away from zero: "1900.00" → "0.19", "171400.00" → "17.14". */
export function formatWan(value: string | bigint | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const fen = typeof value === 'bigint' ? value : yuanToFen(value);
  // 1 万元 = 1,000,000 fen, so two decimals of 万元 are units of 10,000 fen.
  const units = (abs(fen) + 5000n) / 10000n;
  const sign = fen < 0n && units > 0n ? '-' : '';
  return `${sign}${groups(String(units / 100n))}.${String(units % 100n).padStart(2, '0')}`;
}

export function sumYuan(values: ReadonlyArray<string | null | undefined>): string {
  return fenToYuan(values.reduce<bigint>((sum, v) => (v ? sum + yuanToFen(v) : sum), 0n));
}

const QUANTITY = /^(\d+)(?:\.(\d{1,6}))?$/;

/**
 * quantity × unit price, rounded half-up to the fen, as the API checks the amount; null while
 * either is not a valid number yet (the form then leaves the amount to the user).
 */
export function lineAmount(quantity: string, unitPrice: string): string | null {
  const q = QUANTITY.exec(quantity.trim());
  if (!q || !isYuan(unitPrice)) return null;
  const decimals = (q[2] ?? '').length;
  const scaled = BigInt(q[1] + (q[2] ?? ''));
  const scale = 10n ** BigInt(decimals);
  const product = scaled * yuanToFen(unitPrice);
  const fen = product >= 0n ? (product * 2n + scale) / (scale * 2n) : -((-product * 2n + scale) / (scale * 2n));
  return fenToYuan(fen);
}
