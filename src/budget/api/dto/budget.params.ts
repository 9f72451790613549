import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { NormalizedCode } from '../../../common/http/validation.js';
import { DepartmentYearParams } from '../../../common/http/department-year.params.js';
import { ECONOMIC_CODE, PROJECT_CODE } from '../../../common/validation/patterns.js';

export class ProjectParams extends DepartmentYearParams {
  @ApiProperty({ example: 'P2024001' })
  @Matches(PROJECT_CODE, { message: 'projectCode must be 1 to 64 letters, digits, ".", "_" or "-"' })
  projectCode: string;
}

export class BudgetLineParams extends DepartmentYearParams {
  @ApiProperty({ example: '31002', description: '部门预算支出经济分类科目: 3 digits (类) or 5 (款); trimmed first' })
  @NormalizedCode()
  @Matches(ECONOMIC_CODE, { message: 'economicCode must be an economic classification code such as 310 or 31002' })
  economicCode: string;
}
