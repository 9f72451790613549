// The catalog context's public surface: the 2022 政府采购品目分类目录 and its classification maps.
export { Catalog, type CatalogSearchResult } from './domain/catalog.js';
export type { CatalogEntry, CatalogType } from './domain/catalog-entry.js';
export {
  ASSET_CATEGORY_NAMES,
  type AssetCategoryName,
  type Capitalization,
  CapitalizationThresholds,
  Classifier,
  type EconomicLine,
  type NotCapitalizableReason,
} from './domain/classification.js';
export { CLASSIFICATION_2024 } from './data/classification.js';
