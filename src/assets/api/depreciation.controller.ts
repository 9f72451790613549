import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow } from '../../common/auth/access.decorator.js';
import type { CommandContext } from '../../common/context/command-context.js';
import { Ctx } from '../../common/http/command-context.decorator.js';
import { DepartmentYearParams } from '../../common/http/department-year.params.js';
import { DepreciationYearQuery, PostDepreciationCommand, ReverseDepreciationCommand } from '../application/depreciation.commands.js';
import type { DepreciationMonthView, DepreciationYearView } from '../application/depreciation.views.js';
import { DepreciationMonthParams, DepreciationMonthView as MonthDto, DepreciationYearView as YearDto } from './dto/depreciation.dto.js';

const KEY_REUSED = 'The Idempotency-Key was used for a different request (IDEMPOTENCY.KEY_REUSED)';
const IN_ORDER = 'months post in order: a month after the first unposted one is a 409 naming it (`details.firstUnposted`)';

@ApiTags('assets')
@Controller('departments/:dept')
export class DepreciationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('depreciation/:yearMonth')
  @HttpCode(200)
  @Allow('assets:write')
  @ApiOperation({
    summary: 'Post a month of depreciation (计提折旧) for every card of the department (event DepreciationPosted)',
    description: `Idempotent: a month already posted writes nothing and answers its posting. ${IN_ORDER}.`,
  })
  @ApiOkResponse({ type: MonthDto, description: 'The posted month: totals by category' })
  @ApiBadRequestResponse({ description: '`field` yearMonth: not a YYYY-MM month, or one still to come' })
  @ApiConflictResponse({ description: IN_ORDER })
  @ApiUnprocessableEntityResponse({ description: KEY_REUSED })
  post(@Param() p: DepreciationMonthParams, @Ctx() ctx: CommandContext): Promise<DepreciationMonthView> {
    return this.commands.execute(new PostDepreciationCommand(p.dept, p.yearMonth, ctx));
  }

  @Delete('depreciation/:yearMonth')
  @HttpCode(204)
  @Allow('assets:write')
  @ApiOperation({ summary: 'Reverse the latest posted month (event DepreciationReversed)' })
  @ApiNoContentResponse({ description: 'Reversed: the figures are as of the month before again' })
  @ApiNotFoundResponse({ description: 'The month is not posted' })
  @ApiConflictResponse({ description: 'Not the latest posted month (`details.latest`)' })
  @ApiUnprocessableEntityResponse({ description: KEY_REUSED })
  reverse(@Param() p: DepreciationMonthParams, @Ctx() ctx: CommandContext): Promise<void> {
    return this.commands.execute(new ReverseDepreciationCommand(p.dept, p.yearMonth, ctx));
  }

  @Get('years/:year/depreciation')
  @Allow('assets:read')
  @ApiOperation({ summary: "The year's posted depreciation months with totals by category" })
  @ApiOkResponse({ type: YearDto })
  year(@Param() p: DepartmentYearParams): Promise<DepreciationYearView> {
    return this.queries.execute(new DepreciationYearQuery(p.dept, p.year));
  }
}
