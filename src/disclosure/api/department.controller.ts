import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../common/auth/access.decorator.js';
import type { CommandContext } from '../../common/context/command-context.js';
import { Ctx } from '../../common/http/command-context.decorator.js';
import { DepartmentParams } from '../../common/http/department-year.params.js';
import { STREAM_RACE_CONFLICT } from '../../common/http/openapi-completion.js';
import { GetDepartmentQuery, NameDepartmentCommand, type DepartmentView } from '../application/department.commands.js';
import { DepartmentDto, NameDepartmentRequest } from './dto/department.dto.js';

@ApiTags('departments')
@Controller('departments/:dept')
export class DepartmentController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Allow('budget:read')
  @ApiOperation({ summary: "The department's name in the department registry" })
  @ApiOkResponse({ type: DepartmentDto })
  get(@Param() p: DepartmentParams): Promise<DepartmentView> {
    return this.queries.execute(new GetDepartmentQuery(p.dept));
  }

  @Put()
  @Allow('budget:write')
  @ApiOperation({ summary: "Set the department's name", description: 'Idempotent: the same name again writes no event.' })
  @ApiOkResponse({ type: DepartmentDto })
  @ApiBadRequestResponse({ description: '`field` names the invalid input' })
  @ApiConflictResponse(STREAM_RACE_CONFLICT)
  name(@Param() p: DepartmentParams, @Body() body: NameDepartmentRequest, @Ctx() ctx: CommandContext): Promise<DepartmentView> {
    return this.commands.execute(new NameDepartmentCommand(p.dept, body.name, ctx));
  }
}
