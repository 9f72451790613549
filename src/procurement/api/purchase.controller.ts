import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '../../common/auth/access.decorator.js';
import type { Actor, CommandContext } from '../../common/context/command-context.js';
import { CurrentActor } from '../../common/http/actor.decorator.js';
import { Ctx } from '../../common/http/command-context.decorator.js';
import { DepartmentYearParams } from '../../common/http/department-year.params.js';
import { parseIfMatch } from '../../common/http/if-match.js';
import { parseYuan } from '../../common/money/money.js';
import { parseQuantity } from '../../common/money/quantity.js';
import { ChangePurchaseCommand } from '../application/change-purchase.handler.js';
import { PlanPurchaseCommand } from '../application/plan-purchase.handler.js';
import { GetPurchaseQuery, ListPurchasesQuery, ProcurementSummaryQuery } from '../application/purchase.queries.js';
import { ListPurchasesQueryDto, PurchaseIdParams } from './dto/purchase.params.js';
import {
  AcceptPurchaseRequest,
  AmendPurchaseRequest,
  CancelPurchaseRequest,
  ContractPurchaseRequest,
  PlanPurchaseRequest,
} from './dto/purchase.requests.js';
import { PurchasePage, PurchaseView, ProcurementSummaryView } from './dto/purchase.view.js';
import { changesOf, planOf } from './purchase-input.js';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The purchase `version` the change was decided on; a stale one is a 409. Absent: the current version.',
};
const REJECTED = '`field` names the input and the rule; nothing was written';
const CONFLICT = "Stale If-Match version, or the purchase's status does not allow this (the message names it)";

@ApiTags('procurement')
@Controller()
export class PurchaseController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('departments/:dept/years/:year/purchases')
  @Allow('purchases:write')
  @ApiOperation({ summary: 'Plan a purchase (a row of the 政府采购预算)' })
  @ApiCreatedResponse({ type: PurchaseView, description: 'The purchase, with `id` and `version`' })
  @ApiBadRequestResponse({ description: REJECTED })
  plan(@Param() p: DepartmentYearParams, @Body() body: PlanPurchaseRequest, @Ctx() ctx: CommandContext): Promise<PurchaseView> {
    return this.commands.execute(new PlanPurchaseCommand(p.dept, p.year, planOf(body), ctx));
  }

  @Get('departments/:dept/years/:year/purchases')
  @Allow('purchases:read')
  @ApiOperation({ summary: 'Planned purchases of a department-year, filtered and paged' })
  @ApiOkResponse({ type: PurchasePage })
  list(@Param() p: DepartmentYearParams, @Query() q: ListPurchasesQueryDto) {
    const filter = { projectCode: q.projectCode, catalogCode: q.catalogCode, status: q.status };
    return this.queries.execute(new ListPurchasesQuery(p.dept, p.year, filter, q.offset, q.limit));
  }

  @Get('departments/:dept/years/:year/procurement-summary')
  @Allow('purchases:read')
  @ApiOperation({ summary: 'Totals of the procurement budget: by project, funding source and type, in 元 and 万元' })
  @ApiOkResponse({ type: ProcurementSummaryView })
  summary(@Param() p: DepartmentYearParams) {
    return this.queries.execute(new ProcurementSummaryQuery(p.dept, p.year));
  }

  @Get('purchases/:id')
  @Allow('purchases:read')
  @ApiOperation({ summary: 'A purchase: status, planned, contracted and accepted quantities and amounts' })
  @ApiOkResponse({ type: PurchaseView })
  @ApiNotFoundResponse()
  get(@Param() p: PurchaseIdParams, @CurrentActor() actor: Actor): Promise<PurchaseView> {
    return this.queries.execute(new GetPurchaseQuery(p.id, actor));
  }

  @Patch('purchases/:id')
  @Allow('purchases:write')
  @ApiOperation({ summary: 'Amend a planned purchase (same rules as planning)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: PurchaseView })
  @ApiBadRequestResponse({ description: REJECTED })
  @ApiConflictResponse({ description: CONFLICT })
  amend(
    @Param() p: PurchaseIdParams,
    @Body() body: AmendPurchaseRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: CommandContext,
  ) {
    return this.change(p.id, { type: 'AmendPurchase', data: { purchaseId: p.id, changes: changesOf(body) } }, ifMatch, ctx);
  }

  @Post('purchases/:id/cancel')
  @Allow('purchases:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a purchase (before any acceptance)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: PurchaseView })
  @ApiConflictResponse({ description: CONFLICT })
  cancel(
    @Param() p: PurchaseIdParams,
    @Body() body: CancelPurchaseRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: CommandContext,
  ) {
    return this.change(p.id, { type: 'CancelPurchase', data: { purchaseId: p.id, reason: body.reason } }, ifMatch, ctx);
  }

  @Post('purchases/:id/contract')
  @Allow('purchases:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the signed contract (amount ≤ planned)' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: PurchaseView })
  @ApiConflictResponse({ description: CONFLICT })
  contract(
    @Param() p: PurchaseIdParams,
    @Body() body: ContractPurchaseRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: CommandContext,
  ) {
    const data = {
      purchaseId: p.id,
      supplier: body.supplier,
      contractNo: body.contractNo,
      amount: parseYuan(body.amount, 'amount'),
      signedOn: body.signedOn,
    };
    return this.change(p.id, { type: 'ContractPurchase', data }, ifMatch, ctx);
  }

  @Post('purchases/:id/acceptances')
  @Allow('purchases:accept')
  @ApiOperation({ summary: 'Record an acceptance (验收), partial or whole; never beyond the contracted quantity' })
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: PurchaseView })
  @ApiConflictResponse({ description: CONFLICT })
  accept(
    @Param() p: PurchaseIdParams,
    @Body() body: AcceptPurchaseRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: CommandContext,
  ) {
    const data = {
      purchaseId: p.id,
      acceptanceId: randomUUID(),
      quantity: parseQuantity(body.quantity, 'quantity'),
      amount: parseYuan(body.amount, 'amount'),
      acceptedOn: body.acceptedOn,
    };
    return this.change(p.id, { type: 'AcceptPurchase', data }, ifMatch, ctx);
  }

  private change(id: string, command: ChangePurchaseCommand['command'], ifMatch: string | undefined, ctx: CommandContext) {
    return this.commands.execute(new ChangePurchaseCommand(id, command, parseIfMatch(ifMatch), ctx));
  }
}
