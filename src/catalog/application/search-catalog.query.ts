import { Query } from '@nestjs/cqrs';
import type { CatalogEntry } from '../domain/catalog-entry.js';

export interface CatalogPage {
  readonly items: readonly CatalogEntry[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

export class SearchCatalogQuery extends Query<CatalogPage> {
  constructor(
    readonly q: string | undefined,
    readonly offset: number,
    readonly limit: number,
  ) {
    super();
  }
}
