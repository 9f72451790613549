import { readFileSync } from 'node:fs';
import { Catalog } from '../domain/catalog.js';
import type { CatalogData } from '../domain/catalog-entry.js';

/**
 * Resolved against this file, not the working directory: src/catalog/infrastructure/ under
 * ts-jest, dist/catalog/infrastructure/ in production, where nest-cli copies data/*.json to
 * dist/catalog/data/.
 */
export const CATALOG_DATA_URL = new URL('../data/catalog-2022.json', import.meta.url);

/** Read once at start; about 4,300 rows, well under 50 ms. */
export function loadCatalog(url: URL = CATALOG_DATA_URL): Catalog {
  return new Catalog(JSON.parse(readFileSync(url, 'utf8')) as CatalogData);
}
