import { Query } from '@nestjs/cqrs';
import type { CatalogEntry, CatalogNode } from '../domain/catalog-entry.js';
import type { CodeClassification } from '../domain/classification.js';

export interface CatalogEntryDetails {
  readonly entry: CatalogEntry;
  readonly parents: readonly CatalogNode[];
  readonly classification: CodeClassification;
  /** Unit value in fen at or above which one unit is a fixed asset; absent for batch categories and non-assets. */
  readonly thresholdFen?: bigint;
}

export class GetCatalogEntryQuery extends Query<CatalogEntryDetails> {
  constructor(readonly code: string) {
    super();
  }
}
