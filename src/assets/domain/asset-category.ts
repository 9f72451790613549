import { ValidationError } from '../../common/errors/domain-error.js';
import { ASSET_CATEGORY_NAMES, type AssetCategoryName } from '../../catalog/index.js';

/**
 * The ten categories of 部门固定资产占用情况表 (DESIGN §3). The Chinese name is the value the API
 * and the events carry, spelled as the disclosure tables print it; the code is a stable ASCII
 * alias for clients and query strings. Order is the catalog's (ASSET_CATEGORY_NAMES), so every
 * table the register prints lists the categories the same way.
 */
export const ASSET_CATEGORY_CODES: Readonly<Record<AssetCategoryName, string>> = {
  土地: 'land',
  房屋建筑物及构筑物: 'buildings',
  车辆: 'vehicles',
  '通用设备（除车辆）': 'general_equipment',
  专用设备: 'special_equipment',
  文物和陈列品: 'cultural_relics',
  图书档案: 'books_archives',
  家具用具: 'furniture',
  特种动植物: 'flora_fauna',
  无形资产: 'intangible_assets',
};

export type { AssetCategoryName };

export interface AssetCategoryRef {
  readonly category: AssetCategoryName;
  readonly code: string;
}

export const ASSET_CATEGORIES: readonly AssetCategoryRef[] = ASSET_CATEGORY_NAMES.map((name) => ({
  category: name,
  code: ASSET_CATEGORY_CODES[name],
}));

const BY_CODE = new Map(ASSET_CATEGORIES.map((c) => [c.code, c.category]));

export function isAssetCategory(value: string): value is AssetCategoryName {
  return (ASSET_CATEGORY_NAMES as readonly string[]).includes(value);
}

export const categoryCode = (category: AssetCategoryName): string => ASSET_CATEGORY_CODES[category];

/** Client input: the disclosure name ("通用设备（除车辆）") or its code ("general_equipment"). */
export function parseCategory(value: unknown, field: string): AssetCategoryName {
  const text = typeof value === 'string' ? value.trim() : '';
  if (isAssetCategory(text)) return text;
  const byCode = BY_CODE.get(text);
  if (byCode) return byCode;
  throw new ValidationError(
    'ASSET.CATEGORY_UNKNOWN',
    `${field} must be one of the disclosure categories: ${ASSET_CATEGORY_NAMES.join('、')} (or their codes ${ASSET_CATEGORIES.map((c) => c.code).join(', ')})`,
    field,
    { received: typeof value === 'string' ? value.slice(0, 40) : typeof value },
  );
}

/** A stored category name; anything else is corrupt data (500), never a client's 400. */
export function storedCategory(value: string): AssetCategoryName {
  if (!isAssetCategory(value)) throw new Error(`Stored asset category ${JSON.stringify(value)} is not a disclosure category`);
  return value;
}
