import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Catalog } from '../domain/catalog.js';
import { type CatalogPage, SearchCatalogQuery } from './search-catalog.query.js';

@QueryHandler(SearchCatalogQuery)
export class SearchCatalogHandler implements IQueryHandler<SearchCatalogQuery, CatalogPage> {
  constructor(private readonly catalog: Catalog) {}

  async execute(query: SearchCatalogQuery): Promise<CatalogPage> {
    const { items, total } = this.catalog.search(query.q, query.offset, query.limit);
    return { items, total, offset: query.offset, limit: query.limit };
  }
}
