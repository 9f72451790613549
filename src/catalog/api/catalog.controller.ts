import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { GetCatalogEntryQuery } from '../application/get-catalog-entry.query.js';
import { SearchCatalogQuery } from '../application/search-catalog.query.js';
import { Allow } from '../../common/auth/access.decorator.js';
import { CatalogEntryView, CatalogItemView, CatalogPageView } from './dto/catalog-entry.view.js';
import { SearchCatalogDto } from './dto/search-catalog.dto.js';

@ApiTags('catalog')
@Controller('catalog')
export class CatalogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Allow('catalog:read')
  @ApiOperation({
    summary: 'Search the 2022 政府采购品目分类目录',
    description:
      'Matches code prefixes and parts of names. Order: exact code, code prefix, exact name, name prefix, name ' +
      'substring; within each, higher level first, then shorter name, then code. Without `q`: every code in code order.',
  })
  @ApiOkResponse({ type: CatalogPageView })
  @ApiBadRequestResponse({ description: 'Invalid q, offset or limit (`field` names it)' })
  async search(@Query() query: SearchCatalogDto): Promise<CatalogPageView> {
    const page = await this.queries.execute(new SearchCatalogQuery(query.q, query.offset, query.limit));
    return { items: page.items.map(CatalogItemView.of), total: page.total, offset: page.offset, limit: page.limit };
  }

  @Get(':code')
  @Allow('catalog:read')
  @ApiOperation({
    summary: 'One catalog code with its parent chain and classification',
    description:
      'The asset category, default economic line and threshold come from the register’s classification tables. ' +
      '`capitalizable` says whether goods of this code can be fixed assets; whether a given purchase is one depends on ' +
      'its unit price, which is not known here.',
  })
  @ApiParam({ name: 'code', example: 'A02021301', description: 'A, B or C and 8 digits' })
  @ApiOkResponse({ type: CatalogEntryView })
  @ApiBadRequestResponse({ description: '`CATALOG.MALFORMED_CODE`, field `code`' })
  @ApiNotFoundResponse({ description: '`CATALOG.UNKNOWN_CODE`: well-formed but not in the catalog' })
  async get(@Param('code') code: string): Promise<CatalogEntryView> {
    return CatalogEntryView.of(await this.queries.execute(new GetCatalogEntryQuery(code)));
  }
}
