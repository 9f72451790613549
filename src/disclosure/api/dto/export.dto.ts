import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class HoldingsQueryDto {
  @ApiPropertyOptional({ example: '2023-12-31', description: 'YYYY-MM-DD, the 截止时间; default today (China time)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date YYYY-MM-DD' })
  asOf?: string;
}

/** A file download: its schema is binary, its name in Content-Disposition (RFC 5987). */
export const ExportFileResponse = () =>
  applyDecorators(
    ApiOkResponse({
      description: 'The table as a file; Content-Disposition names it in Chinese (filename*=UTF-8)',
      schema: { type: 'string', format: 'binary' },
    }),
  );
