import { ValidationError } from '../../common/errors/domain-error.js';

/** How a card came into the register (取得方式). */
export const ASSET_SOURCES = {
  purchase: '采购',
  transfer_in: '调入',
  donation: '接受捐赠',
  self_built: '自建',
  surplus: '盘盈',
  opening: '期初',
  other: '其他',
} as const;
export type AssetSource = keyof typeof ASSET_SOURCES;

/** How a card left it (处置方式). */
export const DISPOSAL_METHODS = {
  scrapped: '报废',
  sold: '出售',
  transferred_out: '调出',
  donated: '对外捐赠',
  exchanged: '置换',
  lost: '盘亏',
  other: '其他',
} as const;
export type DisposalMethod = keyof typeof DISPOSAL_METHODS;

/** 使用状况 of a card in the register (not its book status: a disposed card has left the book). */
export const USAGE_STATES = {
  in_use: '在用',
  idle: '闲置',
  leased: '出租出借',
  pending_disposal: '待处置',
} as const;
export type UsageState = keyof typeof USAGE_STATES;

/** Each table's codes and Chinese terms → its code, made once (a register import looks up millions). */
const LOOKUPS = new WeakMap<object, ReadonlyMap<string, string>>();

function lookupOf(table: Record<string, string>): ReadonlyMap<string, string> {
  let lookup = LOOKUPS.get(table);
  if (!lookup) {
    lookup = new Map(Object.entries(table).flatMap(([key, name]) => [[key, key] as const, [name, key] as const]));
    LOOKUPS.set(table, lookup);
  }
  return lookup;
}

/** The code (`scrapped`) or the Chinese term (`报废`); anything else is a 400 naming the field. */
function parseTerm<T extends string>(table: Record<T, string>, value: unknown, field: string, code: string): T {
  const found = lookupOf(table).get(typeof value === 'string' ? value.trim() : '');
  if (found !== undefined) return found as T;
  const choices = (Object.entries(table) as Array<[T, string]>).map(([key, name]) => `${key} (${name})`).join(', ');
  throw new ValidationError(code, `${field} must be one of ${choices}`, field);
}

export const parseAssetSource = (value: unknown, field = 'source'): AssetSource =>
  parseTerm(ASSET_SOURCES, value, field, 'ASSET.SOURCE_UNKNOWN');

export const parseDisposalMethod = (value: unknown, field = 'method'): DisposalMethod =>
  parseTerm(DISPOSAL_METHODS, value, field, 'ASSET.DISPOSAL_METHOD_UNKNOWN');

export const parseUsageState = (value: unknown, field = 'usage'): UsageState =>
  parseTerm(USAGE_STATES, value, field, 'ASSET.USAGE_UNKNOWN');
