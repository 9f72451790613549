import { type Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The one list convention: `offset` and `limit`, 50 rows by default, at most 500 a page. */
export const PAGE_LIMITS = { default: 50, max: 500, maxOffset: 1_000_000 } as const;

/**
 * `offset` and `limit` of every paged list. A list's query DTO extends this (adding its
 * filters) and answers a `PageView` of its items, so every list pages and fails the same way.
 */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: PAGE_LIMITS.maxOffset, default: 0 })
  @IsOptional()
  @Type(() => Number)
  // Bounded: a huge offset would reach PostgreSQL as "1e+21" and fail as a 500.
  @IsInt({ message: `offset must be an integer from 0 to ${PAGE_LIMITS.maxOffset}` })
  @Min(0, { message: `offset must be an integer from 0 to ${PAGE_LIMITS.maxOffset}` })
  @Max(PAGE_LIMITS.maxOffset, { message: `offset must be an integer from 0 to ${PAGE_LIMITS.maxOffset}` })
  offset: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_LIMITS.max, default: PAGE_LIMITS.default })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit must be an integer from 1 to ${PAGE_LIMITS.max}` })
  @Min(1, { message: `limit must be an integer from 1 to ${PAGE_LIMITS.max}` })
  @Max(PAGE_LIMITS.max, { message: `limit must be an integer from 1 to ${PAGE_LIMITS.max}` })
  limit: number = PAGE_LIMITS.default;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/** The OpenAPI schema of a page of `item`s: `{ items, total, offset, limit }`, named `<Item>Page`. */
export function PageView<T>(item: ClassType<T>): ClassType<Page<T>> {
  class PageOfItems implements Page<T> {
    @ApiProperty({ type: [item] }) items: T[];
    @ApiProperty({ description: 'Rows matching the filters, over all pages', example: 1 }) total: number;
    @ApiProperty({ example: 0 }) offset: number;
    @ApiProperty({ example: PAGE_LIMITS.default }) limit: number;
  }
  Object.defineProperty(PageOfItems, 'name', { value: `${item.name.replace(/View$/, '')}Page` });
  return PageOfItems;
}

/** One page of an in-memory list (a handful of rows, such as API keys). */
export function pageOf<T>(all: readonly T[], query: PageQuery): Page<T> {
  return { items: all.slice(query.offset, query.offset + query.limit), total: all.length, offset: query.offset, limit: query.limit };
}
