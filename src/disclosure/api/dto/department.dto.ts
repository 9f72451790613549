import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { DEPARTMENT_NAME_MAX } from '../../domain/department.js';

export class NameDepartmentRequest {
  @ApiProperty({ example: '秦皇岛市科学技术协会', maxLength: DEPARTMENT_NAME_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(DEPARTMENT_NAME_MAX)
  name: string;
}

export class DepartmentDto {
  @ApiProperty({ example: '731' })
  code: string;

  @ApiProperty({ example: '秦皇岛市科学技术协会' })
  name: string;
}
