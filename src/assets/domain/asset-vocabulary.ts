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

/**
 * A parser of a table's terms: the code (`scrapped`) or the Chinese term (`报废`); anything else is
 * a 400 naming the field. The lookup is made once (a register import reads millions of terms).
 */
function termParser<T extends string>(table: Record<T, string>, code: string, defaultField: string) {
  const lookup = new Map<string, T>(
    (Object.entries(table) as Array<[T, string]>).flatMap(([key, name]) => [[key, key] as const, [name, key] as const]),
  );
  const choices = (Object.entries(table) as Array<[T, string]>).map(([key, name]) => `${key} (${name})`).join(', ');
  return (value: unknown, field = defaultField): T => {
    const found = lookup.get(typeof value === 'string' ? value.trim() : '');
    if (found === undefined) throw new ValidationError(code, `${field} must be one of ${choices}`, field);
    return found;
  };
}

export const parseAssetSource = termParser(ASSET_SOURCES, 'ASSET.SOURCE_UNKNOWN', 'source');

export const parseDisposalMethod = termParser(DISPOSAL_METHODS, 'ASSET.DISPOSAL_METHOD_UNKNOWN', 'method');

export const parseUsageState = termParser(USAGE_STATES, 'ASSET.USAGE_UNKNOWN', 'usage');
