import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class SearchCatalogDto {
  @ApiPropertyOptional({
    description:
      'Part of a name (碎纸) or a code prefix (A0202, or a full code for it and its descendants). Absent: all codes in code order.',
    minLength: 1,
    maxLength: 50,
    example: '碎纸',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'q must be a single string' })
  @MinLength(1, { message: 'q must be 1 to 50 characters' })
  @MaxLength(50, { message: 'q must be 1 to 50 characters' })
  q?: string;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be an integer from 0 to 100000' })
  @Min(0, { message: 'offset must be an integer from 0 to 100000' })
  @Max(100000, { message: 'offset must be an integer from 0 to 100000' })
  offset: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer from 1 to 100' })
  @Min(1, { message: 'limit must be an integer from 1 to 100' })
  @Max(100, { message: 'limit must be an integer from 1 to 100' })
  limit: number = 20;
}
