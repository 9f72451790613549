import { DepartmentParams } from '../../common/http/department-year.params.js';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
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

  @Post('stocktakes/:id/counts')
  @HttpCode(200)
  @Allow('assets:write')
  @ApiOperation({ summary: 'Record counts in bulk, items found without a card (盘盈), and uncarded items counted by category' })
  @ApiOkResponse({ type: StocktakeDoc })
  @ApiBadRequestResponse({ description: 'A count names a card outside the stocktake, or an entry is malformed (`field` says which)' })
  @ApiNotFoundResponse({ description: 'The stocktake, or a counted card, does not exist' })
  @ApiConflictResponse({ description: CLOSED })
  counts(@Param() p: StocktakeIdParams, @Body() body: RecordCountsRequest, @Ctx() ctx: CommandContext): Promise<StocktakeView> {
    const { counts, unknownItems, categoryCounts } = countsInput(body);
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
