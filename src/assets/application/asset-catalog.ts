import { Injectable } from '@nestjs/common';
import { Catalog, Classifier } from '../../catalog/index.js';
import { minimumUsefulLifeMonths } from '../data/useful-lives.js';
import type { AssetCatalogFacts } from '../domain/asset.commands.js';

/** Catalog entries as the asset deciders need them: type, disclosure category, batch or not. */
@Injectable()
export class AssetCatalog {
  constructor(
    private readonly catalog: Catalog,
    private readonly classifier: Classifier,
  ) {}

  /** null for a code that is not in the catalog (including malformed ones). */
  facts(code: unknown): AssetCatalogFacts | null {
    const entry = typeof code === 'string' ? this.catalog.find(code.trim()) : undefined;
    if (!entry) return null;
    const category = entry.type === 'goods' ? this.classifier.assetCategoryOf(entry.code) : undefined;
    return {
      code: entry.code,
      name: entry.name,
      type: entry.type,
      category: category?.name ?? null,
      batch: category?.batch ?? false,
      minimumLifeMonths: category ? minimumUsefulLifeMonths(category.name, entry.code) : null,
    };
  }
}
