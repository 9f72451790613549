import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `offset` and `limit` of the register's paged lists (up to 500 rows a page, 50 by default). */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  // Bounded: a huge offset would reach PostgreSQL as "1e+21" and fail as a 500.
  @IsInt({ message: 'offset must be an integer from 0 to 1000000' })
  @Min(0, { message: 'offset must be an integer from 0 to 1000000' })
  @Max(1_000_000, { message: 'offset must be an integer from 0 to 1000000' })
  offset: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;
}
