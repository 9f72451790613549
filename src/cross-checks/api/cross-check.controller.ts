import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../common/auth/access.decorator.js';
import { DepartmentYearParams } from '../../common/http/department-year.params.js';
import { GetCrossChecksQuery } from '../application/get-cross-checks.query.js';
import { CrossCheckView } from './dto/cross-check.view.js';

@ApiTags('cross-checks')
@Controller('departments/:dept/years/:year')
export class CrossCheckController {
  constructor(private readonly queries: QueryBus) {}

  @Get('cross-checks')
  @Allow('cross-checks:read')
  @ApiOperation({
    summary: 'Cross-checks of a department-year: planned purchases against 310/302 lines, declared totals, projects, income',
  })
  @ApiOkResponse({ type: CrossCheckView })
  crossChecks(@Param() p: DepartmentYearParams): Promise<CrossCheckView> {
    return this.queries.execute(new GetCrossChecksQuery(p.dept, p.year));
  }
}
