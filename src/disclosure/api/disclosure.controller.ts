import { Body, Controller, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../../common/auth/access.decorator.js';
import type { CommandContext } from '../../common/context/command-context.js';
import { Ctx } from '../../common/http/command-context.decorator.js';
import { ImportDisclosureCommand } from '../application/import-disclosure.command.js';
import type { DisclosureReport } from '../domain/import-report.js';
import { DisclosureReportDto, DryRunQuery } from './dto/disclosure-report.dto.js';
import { documentText, MAX_DOCUMENT_BYTES, type UploadedDocument } from './document-upload.js';

@ApiTags('disclosures')
@Controller('disclosures')
export class DisclosureController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  // The document names its department; the handler checks budget:write, purchases:write (and assets:write) for it.
  @Allow('budget:write')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } }))
  @ApiOperation({
    summary: 'Import a published department budget disclosure (部门预算信息公开, the text of its PDF)',
    description:
      'Body: the text as `text/plain; charset=utf-8`, or multipart/form-data with field `file` (up to 10 MB). ' +
      'All or nothing, in one transaction; the same document again writes nothing. A document with unreadable cells or ' +
      'figures that do not add up is refused with 422 and the report in `details.report`.',
  })
  @ApiConsumes('text/plain', 'multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: DisclosureReportDto, description: 'Imported (or unchanged)' })
  @ApiOkResponse({ type: DisclosureReportDto, description: 'Dry run: the report, nothing written' })
  @ApiUnprocessableEntityResponse({ description: 'Refused; the report is in `details.report`' })
  async import(
    @Body() body: unknown,
    @UploadedFile() file: UploadedDocument | undefined,
    @Query() q: DryRunQuery,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DisclosureReport> {
    const dryRun = q.dryRun === 'true';
    const report = await this.commands.execute(new ImportDisclosureCommand(documentText(body, file), dryRun, ctx));
    if (dryRun) res.status(200);
    return report;
  }
}
