import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Catalog } from '../domain/catalog.js';
import { CapitalizationThresholds, Classifier } from '../domain/classification.js';
import { type CatalogEntryDetails, GetCatalogEntryQuery } from './get-catalog-entry.query.js';

@QueryHandler(GetCatalogEntryQuery)
export class GetCatalogEntryHandler implements IQueryHandler<GetCatalogEntryQuery, CatalogEntryDetails> {
  constructor(
    private readonly catalog: Catalog,
    private readonly classifier: Classifier,
    private readonly thresholds: CapitalizationThresholds,
  ) {}

  async execute(query: GetCatalogEntryQuery): Promise<CatalogEntryDetails> {
    const entry = this.catalog.get(query.code, 'code');
    const classification = this.classifier.classify(entry);
    const category = classification.assetCategory;
    const thresholdFen = category ? this.classifier.thresholdFor(category, this.thresholds) : undefined;
    return {
      entry,
      parents: this.catalog.parents(entry.code),
      classification,
      ...(thresholdFen !== undefined ? { thresholdFen } : {}),
    };
  }
}
