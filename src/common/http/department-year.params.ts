import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { DEPARTMENT_CODE } from '../validation/patterns.js';

/** `/departments/:dept/…` */
export class DepartmentParams {
  @ApiProperty({ example: '731', description: 'Department (预算单位) code' })
  @Matches(DEPARTMENT_CODE, { message: 'dept must be a department code of 1 to 32 letters or digits' })
  dept: string;
}

/** `/departments/:dept/years/:year/…`: every record is filed under a department and budget year. */
export class DepartmentYearParams extends DepartmentParams {
  @ApiProperty({ example: 2024, description: 'Budget year' })
  @Type(() => Number)
  @IsInt({ message: 'year must be a year such as 2024' })
  @Min(2000, { message: 'year must be from 2000 to 2100' })
  @Max(2100, { message: 'year must be from 2000 to 2100' })
  year: number;
}
