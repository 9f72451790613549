import { DepartmentParams } from '../../common/http/department-year.params.js';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Page } from '../../common/http/page.query.js';
import { parseCategory } from '../domain/asset-category.js';
import { GetCountSheetFileQuery, GetCountSheetQuery } from '../application/count-sheet.queries.js';
import type { SheetFile } from '../application/count-sheet-file.js';
import type { SheetLineView } from '../application/count-sheet.view.js';
import { ImportCountsCommand, type CountsImportView } from '../application/import-counts.command.js';
import type { SheetFilter } from '../infrastructure/stocktake.repository.js';
import { CountSheetFilterDto, CountSheetQueryDto, CountsImportResponse, SheetLinePage } from './dto/count-sheet.dto.js';
import { uploadedFile } from './upload-body.js';
import { Allow } from '../../common/auth/access.decorator.js';
import type { Actor, CommandContext } from '../../common/context/command-context.js';
import { CurrentActor } from '../../common/http/actor.decorator.js';
import { Ctx } from '../../common/http/command-context.decorator.js';
import { GetStocktakeQuery } from '../application/asset.queries.js';
import { CloseStocktakeCommand, OpenStocktakeCommand, RecordCountsCommand } from '../application/stocktake.commands.js';
import type { StocktakeView } from '../application/stocktake.view.js';
import { StocktakeView as StocktakeDoc } from './dto/stocktake.view.js';
import { countsInput } from './asset-input.js';
import { StocktakeIdParams } from './dto/asset.params.js';
import { OpenStocktakeRequest, RecordCountsRequest } from './dto/asset.requests.js';

const CLOSED = 'The stocktake is closed (closed stocktakes never change)';
const SHEET_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];

const sheetFilter = (q: CountSheetFilterDto): SheetFilter => ({
  location: q.location,
  custodian: q.custodian,
  category: q.category === undefined ? undefined : parseCategory(q.category, 'category'),
  status: q.status,
});

@ApiTags('stocktakes')
@Controller()
export class StocktakeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('departments/:dept/stocktakes')
  @Allow('assets:write')
  @ApiOperation({ summary: 'Open a stocktake (资产清查) over the cards held as of asOf' })
  @ApiCreatedResponse({ type: StocktakeDoc })
  @ApiBadRequestResponse({ description: 'asOf malformed or in the future' })
  open(@Param() p: DepartmentParams, @Body() body: OpenStocktakeRequest, @Ctx() ctx: CommandContext): Promise<StocktakeView> {
    return this.commands.execute(new OpenStocktakeCommand(p.dept, body.asOf, ctx));
  }

  @Get('stocktakes/:id')
  @Allow('assets:read')
  @ApiOperation({ summary: 'A stocktake: scope, progress and, once closed, shortages and surpluses' })
  @ApiOkResponse({ type: StocktakeDoc })
  @ApiNotFoundResponse()
  get(@Param() p: StocktakeIdParams, @CurrentActor() actor: Actor): Promise<StocktakeView> {
    return this.queries.execute(new GetStocktakeQuery(p.id, actor));
  }

  @Get('stocktakes/:id/sheet')
  @Allow('assets:read')
  @ApiOperation({
    summary: 'The count sheet (盘点表): the cards to count in 资产编号 order, with book and latest count, filtered and paged',
  })
  @ApiOkResponse({ type: SheetLinePage })
  @ApiNotFoundResponse()
  sheet(@Param() p: StocktakeIdParams, @Query() q: CountSheetQueryDto, @CurrentActor() actor: Actor): Promise<Page<SheetLineView>> {
    return this.queries.execute(new GetCountSheetQuery(p.id, sheetFilter(q), q.offset, q.limit, actor, q.after));
  }

  @Get(['stocktakes/:id/sheet.xlsx', 'stocktakes/:id/sheet.csv'])
  @Allow('assets:read')
  @ApiOperation({
    summary: 'The count sheet as a file for counting on paper (xlsx or csv, Chinese headers); fill in 实盘数量 (0 = not found) and 备注',
  })
  @ApiProduces(...SHEET_TYPES)
  @ApiOkResponse({ description: 'The sheet; Content-Disposition names it in Chinese', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse()
  async sheetFile(
    @Param() p: StocktakeIdParams,
    @Query() q: CountSheetFilterDto,
    @Req() req: Request,
    @Res() res: Response,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    const format = req.path.endsWith('.csv') ? 'csv' : 'xlsx';
    const file: SheetFile = await this.queries.execute(new GetCountSheetFileQuery(p.id, sheetFilter(q), format, actor));
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', file.contentDisposition);
    res.status(200).send(file.body);
  }

  @Post('stocktakes/:id/counts/import')
  @HttpCode(200)
  @Allow('assets:write')
  @ApiOperation({
    summary: 'Take a filled-in count sheet back (csv or xlsx): all or nothing, every bad row named',
    description: 'Reads 资产编号 and 实盘数量 (0 = not found; blank = not counted), and 备注 when present; other columns are ignored.',
  })
  @ApiConsumes(...SHEET_TYPES, 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: CountsImportResponse })
  @ApiBadRequestResponse({ description: '`details.problems` lists every bad cell: { row, column, code, message }; nothing was written' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: CLOSED })
  importCounts(@Param() p: StocktakeIdParams, @Req() req: Request, @Ctx() ctx: CommandContext): Promise<CountsImportView> {
    return this.commands.execute(new ImportCountsCommand(p.id, () => uploadedFile(req), ctx));
  }

  @Post('stocktakes/:id/counts')
  @HttpCode(200)
  @Allow('assets:write')
  @ApiOperation({ summary: 'Record counts in bulk, items found without a card (盘盈), and uncarded items counted by category' })
  @ApiOkResponse({ type: StocktakeDoc })
  @ApiBadRequestResponse({ description: 'A count names a card outside the stocktake, or an entry is malformed (`field` says which)' })
  @ApiNotFoundResponse({ description: 'The stocktake, or a counted card, does not exist' })
  @ApiConflictResponse({ description: CLOSED })
  async counts(@Param() p: StocktakeIdParams, @Body() body: RecordCountsRequest, @Ctx() ctx: CommandContext): Promise<StocktakeView> {
    const { counts, unknownItems, categoryCounts } = await countsInput(body);
    return this.commands.execute(new RecordCountsCommand(p.id, counts, unknownItems, categoryCounts, ctx));
  }

  @Post('stocktakes/:id/close')
  @HttpCode(200)
  @Allow('assets:write')
  @ApiOperation({ summary: 'Close: shortages (盘亏) and surpluses (盘盈) per card and per category; the stocktake is final' })
  @ApiOkResponse({ type: StocktakeDoc })
  @ApiConflictResponse({ description: CLOSED })
  close(@Param() p: StocktakeIdParams, @Ctx() ctx: CommandContext): Promise<StocktakeView> {
    return this.commands.execute(new CloseStocktakeCommand(p.id, ctx));
  }
}
