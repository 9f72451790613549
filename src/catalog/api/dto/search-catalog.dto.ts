import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../../common/http/page.query.js';

export class SearchCatalogDto extends PageQuery {
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
}
