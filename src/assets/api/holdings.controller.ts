import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { parseIfMatch } from '../../common/http/if-match.js';
import { Allow } from '../../common/auth/access.decorator.js';
import type { CommandContext } from '../../common/context/command-context.js';
import { Ctx } from '../../common/http/command-context.decorator.js';
import { DepartmentParams, DepartmentYearParams } from '../../common/http/department-year.params.js';
import { STREAM_RACE_CONFLICT } from '../../common/http/openapi-completion.js';
import {
  HoldingsQuery,
  type HoldingsWithNetValue,
  ReconciliationQuery,
  type ReconciliationWithNetValue,
} from '../application/asset.queries.js';
import {
  DeclareLedgerBalancesCommand,
  DeclareOpeningHoldingsCommand,
  WithdrawLedgerBalancesCommand,
  WithdrawOpeningHoldingsCommand,
} from '../application/declarations.commands.js';
import type { LedgerBalancesView, OpeningHoldingsView } from '../application/declarations.views.js';
import * as doc from './dto/holdings.view.js';
import { ledgerBalances, openingFigures } from './asset-input.js';
import { HoldingsQueryDto, OpeningHoldingsParams } from './dto/asset.params.js';
import { LedgerBalancesRequest, OpeningHoldingsRequest } from './dto/asset.requests.js';

const IDEMPOTENT =
  'Idempotent: the same body again writes no event. The body is the whole set: a category left out is 0; an empty list is a 400.';
const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The version of the declaration stream the client last saw; a stale one is a 409. Absent: not checked.',
};

@ApiTags('assets')
@Controller('departments/:dept')
export class HoldingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('opening-holdings/:date')
  @Allow('assets:write')
  @ApiOperation({ summary: 'Declare the holdings (部门固定资产占用情况) by category as of a date', description: IDEMPOTENT })
  @ApiOkResponse({ type: doc.OpeningHoldingsView })
  @ApiBadRequestResponse({ description: '`field` names the invalid input' })
  @ApiConflictResponse(STREAM_RACE_CONFLICT)
  declareOpening(
    @Param() p: OpeningHoldingsParams,
    @Body() body: OpeningHoldingsRequest,
    @Ctx() ctx: CommandContext,
  ): Promise<OpeningHoldingsView> {
    return this.commands.execute(new DeclareOpeningHoldingsCommand(p.dept, p.date, openingFigures(body), ctx));
  }

  @Delete('opening-holdings/:date')
  @HttpCode(204)
  @Allow('assets:write')
  @ApiOperation({ summary: 'Withdraw the opening holdings declared as of a date (event OpeningHoldingsWithdrawn)' })
  @ApiHeader(IF_MATCH)
  @ApiNoContentResponse({ description: 'Withdrawn: the date has no declaration any more' })
  @ApiNotFoundResponse({ description: 'No declaration as of that date' })
  @ApiConflictResponse({ description: 'Stale If-Match version' })
  withdrawOpening(
    @Param() p: OpeningHoldingsParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    return this.commands.execute(new WithdrawOpeningHoldingsCommand(p.dept, p.date, parseIfMatch(ifMatch), ctx));
  }

  @Get('holdings')
  @Allow('assets:read')
  @ApiOperation({
    summary: 'Holdings by category as of a date: opening declaration + cards acquired − cards disposed of, in 元 and 万元',
    description: "With the cards' 累计折旧 and 净值 through the last depreciation month posted by the date (`depreciatedThrough`).",
  })
  @ApiOkResponse({ type: doc.HoldingsView })
  holdings(@Param() p: DepartmentParams, @Query() q: HoldingsQueryDto): Promise<HoldingsWithNetValue> {
    return this.queries.execute(new HoldingsQuery(p.dept, q.asOf));
  }

  @Put('years/:year/ledger-balances')
  @Allow('assets:write')
  @ApiOperation({ summary: 'Finance ledger balances (固定资产 accounts) by category for a year', description: IDEMPOTENT })
  @ApiOkResponse({ type: doc.LedgerBalancesView })
  @ApiBadRequestResponse({ description: '`field` names the invalid input' })
  @ApiConflictResponse(STREAM_RACE_CONFLICT)
  declareLedger(
    @Param() p: DepartmentYearParams,
    @Body() body: LedgerBalancesRequest,
    @Ctx() ctx: CommandContext,
  ): Promise<LedgerBalancesView> {
    return this.commands.execute(new DeclareLedgerBalancesCommand(p.dept, p.year, ledgerBalances(body), ctx));
  }

  @Delete('years/:year/ledger-balances')
  @HttpCode(204)
  @Allow('assets:write')
  @ApiOperation({ summary: "Withdraw the year's ledger balances (event LedgerBalancesWithdrawn)" })
  @ApiHeader(IF_MATCH)
  @ApiNoContentResponse({ description: 'Withdrawn: the reconciliation has no ledger side for the year' })
  @ApiNotFoundResponse({ description: 'No ledger balances for the year' })
  @ApiConflictResponse({ description: 'Stale If-Match version' })
  withdrawLedger(
    @Param() p: DepartmentYearParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: CommandContext,
  ): Promise<void> {
    return this.commands.execute(new WithdrawLedgerBalancesCommand(p.dept, p.year, parseIfMatch(ifMatch), ctx));
  }

  @Get('years/:year/reconciliation')
  @Allow('assets:read')
  @ApiOperation({
    summary:
      'Year-end reconciliation: opening, acquisitions, disposals, closing book; against the physical count (账实) and the ledger (账账)',
  })
  @ApiOkResponse({ type: doc.ReconciliationView })
  reconciliation(@Param() p: DepartmentYearParams): Promise<ReconciliationWithNetValue> {
    return this.queries.execute(new ReconciliationQuery(p.dept, p.year));
  }
}
