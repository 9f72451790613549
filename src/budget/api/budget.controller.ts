import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../common/auth/access.decorator.js';
import type { CommandContext } from '../../common/context/command-context.js';
import { parseFunding, requireFundingMatches } from '../../common/funding/funding.js';
import { Ctx } from '../../common/http/command-context.decorator.js';
import { DepartmentYearParams } from '../../common/http/department-year.params.js';
import { STREAM_RACE_CONFLICT } from '../../common/http/openapi-completion.js';
import { parseYuan } from '../../common/money/money.js';
import { ChangeBudgetCommand } from '../application/change-budget.command.js';
import { GetBudgetQuery } from '../application/get-budget.query.js';
import type { BudgetCommand } from '../domain/budget.commands.js';
import { BudgetLineParams, ProjectParams } from './dto/budget.params.js';
import {
  DeclareIncomeRequest,
  DeclarePlannedAssetPurchasesRequest,
  RegisterProjectRequest,
  SetBudgetLineRequest,
} from './dto/budget.requests.js';
import type { BudgetView as BudgetReferenceView } from '../application/budget.view.js';
import { BudgetView } from './dto/budget.view.js';
import { parseIncome } from './income-input.js';

const IDEMPOTENT = 'Idempotent: the same body again writes no event. Answers with the whole budget reference of the department-year.';

@ApiTags('budget')
@Controller('departments/:dept/years/:year')
export class BudgetController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('projects/:projectCode')
  @Allow('budget:write')
  @ApiOperation({ summary: 'Register or revise a project (预算项目) and its budget', description: IDEMPOTENT })
  @ApiOkResponse({ type: BudgetView })
  @ApiBadRequestResponse({ description: '`field` names the invalid input' })
  @ApiConflictResponse(STREAM_RACE_CONFLICT)
  registerProject(@Param() p: ProjectParams, @Body() body: RegisterProjectRequest, @Ctx() ctx: CommandContext) {
    return this.change(
      p,
      { kind: 'RegisterProject', projectCode: p.projectCode, name: body.name.trim(), budget: parseYuan(body.budget, 'budget') },
      ctx,
    );
  }

  @Put('budget-lines/:economicCode')
  @Allow('budget:write')
  @ApiOperation({ summary: 'Set an economic-classification budget line (e.g. 31002 办公设备购置)', description: IDEMPOTENT })
  @ApiOkResponse({ type: BudgetView })
  @ApiBadRequestResponse({ description: '`field` names the invalid input' })
  @ApiConflictResponse(STREAM_RACE_CONFLICT)
  setBudgetLine(@Param() p: BudgetLineParams, @Body() body: SetBudgetLineRequest, @Ctx() ctx: CommandContext) {
    const amount = parseYuan(body.amount, 'amount');
    const funding = body.funding === undefined ? null : parseFunding(body.funding);
    if (funding) requireFundingMatches(funding, amount);
    return this.change(p, { kind: 'SetBudgetLine', economicCode: p.economicCode, name: body.name.trim(), amount, funding }, ctx);
  }

  @Put('planned-asset-purchases')
  @Allow('budget:write')
  @ApiOperation({ summary: "Declare the budget's total of planned fixed-asset purchases", description: IDEMPOTENT })
  @ApiOkResponse({ type: BudgetView })
  @ApiBadRequestResponse({ description: '`field` names the invalid input' })
  @ApiConflictResponse(STREAM_RACE_CONFLICT)
  declarePlannedAssetPurchases(
    @Param() p: DepartmentYearParams,
    @Body() body: DeclarePlannedAssetPurchasesRequest,
    @Ctx() ctx: CommandContext,
  ) {
    return this.change(p, { kind: 'DeclarePlannedAssetPurchases', amount: parseYuan(body.amount, 'amount') }, ctx);
  }

  @Put('income')
  @Allow('budget:write')
  @ApiOperation({
    summary: 'Declare the income by funding source (the income side of the 收支总表)',
    description: `${IDEMPOTENT} The statement is whole: a source left out is zero. At least one source must be given.`,
  })
  @ApiOkResponse({ type: BudgetView })
  @ApiBadRequestResponse({ description: '`field` names the invalid input' })
  @ApiConflictResponse(STREAM_RACE_CONFLICT)
  declareIncome(@Param() p: DepartmentYearParams, @Body() body: DeclareIncomeRequest, @Ctx() ctx: CommandContext) {
    return this.change(p, { kind: 'DeclareIncome', income: parseIncome(body) }, ctx);
  }

  @Get('budget')
  @Allow('budget:read')
  @ApiOperation({ summary: 'The budget reference of a department-year: projects, budget lines, declared totals' })
  @ApiOkResponse({ type: BudgetView })
  budget(@Param() p: DepartmentYearParams): Promise<BudgetReferenceView> {
    return this.queries.execute(new GetBudgetQuery(p.dept, p.year));
  }

  private change(p: DepartmentYearParams, change: BudgetCommand, ctx: CommandContext): Promise<BudgetReferenceView> {
    return this.commands.execute(new ChangeBudgetCommand(p.dept, p.year, change, ctx));
  }
}
