import { Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../../common/auth/access.decorator.js';
import type { CommandContext } from '../../common/context/command-context.js';
import { ValidationError } from '../../common/errors/domain-error.js';
import { Ctx } from '../../common/http/command-context.decorator.js';
import { DepartmentYearParams } from '../../common/http/department-year.params.js';
import { ImportPurchasesCommand, ProcurementTemplateQuery, type PurchaseImportReport } from '../application/import-purchases.command.js';
import type { TableFile } from '../application/table-files.js';
import { MAX_DOCUMENT_BYTES, type UploadedDocument } from './document-upload.js';
import { DryRunQuery } from './dto/disclosure-report.dto.js';
import { ExportFileResponse } from './dto/export.dto.js';
import { PurchaseImportReportDto } from './dto/purchase-import.dto.js';

@ApiTags('purchases')
@Controller()
export class PurchaseImportController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('templates/procurement.xlsx')
  @Allow('purchases:read')
  @ApiOperation({ summary: 'The procurement-plan spreadsheet template: header, one example row, drop-downs' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ExportFileResponse()
  async template(@Res() res: Response): Promise<void> {
    const file: TableFile = await this.queries.execute(new ProcurementTemplateQuery());
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', file.contentDisposition);
    res.status(200).send(file.body);
  }

  @Post('departments/:dept/years/:year/purchases/import')
  @Allow('purchases:write')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } }))
  @ApiOperation({
    summary: 'Plan purchases from a spreadsheet (xlsx or CSV in UTF-8, the template’s columns, money in 元)',
    description:
      'All or nothing: every error of every row is reported (row, column, English and Chinese) with 422 and nothing is ' +
      'written. `?dryRun=true` runs the same checks and answers 200 with the report.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: PurchaseImportReportDto })
  @ApiOkResponse({ type: PurchaseImportReportDto, description: 'Dry run' })
  @ApiUnprocessableEntityResponse({ description: 'Refused; the report is in `details.report`' })
  async import(
    @Param() p: DepartmentYearParams,
    @UploadedFile() file: UploadedDocument | undefined,
    @Query() q: DryRunQuery,
    @Ctx() ctx: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PurchaseImportReport> {
    if (!file) throw new ValidationError('SHEET.NO_FILE', 'Send the spreadsheet as multipart/form-data field `file`', 'file');
    const dryRun = q.dryRun === 'true';
    const report = await this.commands.execute(new ImportPurchasesCommand(p.dept, p.year, file.buffer, dryRun, ctx));
    if (dryRun) res.status(200);
    return report;
  }
}
