import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow } from '../../common/auth/access.decorator.js';
import { DepartmentParams, DepartmentYearParams } from '../../common/http/department-year.params.js';
import {
  ExportBasicExpenditureQuery,
  ExportDepreciationQuery,
  ExportFixedAssetsQuery,
  ExportProcurementQuery,
} from '../application/export.queries.js';
import type { TableFile, TableFormat } from '../application/table-files.js';
import { ExportFileResponse, HoldingsQueryDto } from './dto/export.dto.js';

const PRODUCES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];
const ROUNDING =
  '万元 with 2 decimals: each row rounds half-up on its own, totals are computed in fen and rounded once; a note row says ' +
  'where rounded rows do not add up to the rounded total. xlsx: merged frozen header, amounts as numbers with format 0.00; ' +
  'CSV: UTF-8 with BOM.';

/** The extension of the requested file name is the format: `.../procurement.xlsx`, `.../procurement.csv`. */
const formatOf = (req: Request): TableFormat => (req.path.endsWith('.csv') ? 'csv' : 'xlsx');

@ApiTags('disclosures')
@Controller('departments/:dept')
export class ExportController {
  constructor(private readonly queries: QueryBus) {}

  @Get(['years/:year/disclosure/procurement.xlsx', 'years/:year/disclosure/procurement.csv'])
  @Allow('purchases:read')
  @ApiOperation({ summary: '部门政府采购预算 in the official layout (xlsx or csv)', description: ROUNDING })
  @ApiProduces(...PRODUCES)
  @ExportFileResponse()
  async procurement(@Param() p: DepartmentYearParams, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(res, await this.queries.execute(new ExportProcurementQuery(p.dept, p.year, formatOf(req))));
  }

  @Get(['disclosure/fixed-assets.xlsx', 'disclosure/fixed-assets.csv'])
  @Allow('assets:read')
  @ApiOperation({ summary: '部门固定资产占用情况表 as of a date (xlsx or csv)', description: ROUNDING })
  @ApiProduces(...PRODUCES)
  @ExportFileResponse()
  async fixedAssets(@Param() p: DepartmentParams, @Query() q: HoldingsQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(res, await this.queries.execute(new ExportFixedAssetsQuery(p.dept, q.asOf, formatOf(req))));
  }

  @Get(['years/:year/disclosure/basic-expenditure.xlsx', 'years/:year/disclosure/basic-expenditure.csv'])
  @Allow('budget:read')
  @ApiOperation({ summary: '一般公共预算基本支出 by economic line (xlsx or csv)', description: ROUNDING })
  @ApiProduces(...PRODUCES)
  @ExportFileResponse()
  async basicExpenditure(@Param() p: DepartmentYearParams, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(res, await this.queries.execute(new ExportBasicExpenditureQuery(p.dept, p.year, formatOf(req))));
  }

  @Get(['years/:year/disclosure/depreciation.xlsx', 'years/:year/disclosure/depreciation.csv'])
  @Allow('assets:read')
  @ApiOperation({
    summary: "固定资产折旧情况表: the year's 原值, 本年计提折旧, 累计折旧, 净值 by category, in 万元 and 元 (xlsx or csv)",
    description: `${ROUNDING} Figures as of the year's last posted month; 404 when no month of the year is posted.`,
  })
  @ApiProduces(...PRODUCES)
  @ExportFileResponse()
  async depreciation(@Param() p: DepartmentYearParams, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(res, await this.queries.execute(new ExportDepreciationQuery(p.dept, p.year, formatOf(req))));
  }
}

function send(res: Response, file: TableFile): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', file.contentDisposition);
  res.status(200).send(file.body);
}
