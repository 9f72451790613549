/**
 * Classification codes as people type them: pasted with spaces, in lower case, in full-width
 * characters from a Chinese input method. They are normalised (NFKC, trimmed, upper-cased)
 * before any check, and a code that is still malformed is told what is wrong with it.
 */
export function normalizeCode(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFKC').trim().toUpperCase() : value;
}

/** 政府采购品目分类目录 2022: A (goods), B (works) or C (services), then 8 digits. */
export function catalogCodeProblem(code: string): string | null {
  if (code === '') return 'is empty';
  if (!/^[ABC]/.test(code)) return `starts with "${[...code][0]}": a catalog code starts with A (goods), B (works) or C (services)`;
  const rest = code.slice(1);
  const stray = /[^0-9]/.exec(rest);
  if (stray) return `has "${stray[0]}" after the letter, where only digits may follow`;
  if (rest.length !== 8) return `has ${rest.length} digits after the letter; it needs 8, padded with 00 (A02021301, A02020000)`;
  return null;
}

/** 部门预算支出经济分类: 3 digits (类, 310) or 5 (款, 31002); `levels` says which the field takes. */
export function economicCodeProblem(code: string, levels: 'class_or_item' | 'item' = 'class_or_item'): string | null {
  if (code === '') return 'is empty';
  const stray = /[^0-9]/.exec(code);
  if (stray) return `has "${stray[0]}", but an economic classification code is digits only`;
  const lengths = levels === 'item' ? [5] : [3, 5];
  if (!lengths.includes(code.length)) {
    return `has ${code.length} digits; it needs ${levels === 'item' ? '5 (款, e.g. 31002)' : '3 (类, e.g. 310) or 5 (款, e.g. 31002)'}`;
  }
  if (!code.startsWith('3')) return 'is not an expenditure code: expenditure classes run from 301 to 399';
  return null;
}
