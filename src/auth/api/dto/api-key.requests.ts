import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '../../../common/auth/permissions.js';
import { DEPARTMENT_CODE } from '../../../common/validation/patterns.js';

export class CreateApiKeyRequest {
  @ApiProperty({ example: '预算一体化系统 feed reader', description: 'What the key is for (shown in listings)' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['budget_system'] })
  @IsArray()
  @ArrayNotEmpty({ message: 'roles must name at least one role' })
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `roles must be among ${ROLES.join(', ')}` })
  roles: Role[];

  @ApiProperty({
    oneOf: [
      { type: 'array', items: { type: 'string' } },
      { type: 'string', enum: ['*'] },
    ],
    example: ['731'],
    description: 'Department codes the key may read and write, or "*" for every department',
  })
  @ValidateIf((_, value) => value !== '*')
  @IsArray({ message: 'departments must be a list of department codes or "*"' })
  @ArrayMaxSize(10_000)
  @ArrayUnique()
  @Matches(DEPARTMENT_CODE, { each: true, message: 'departments must be department codes of 1 to 32 letters or digits' })
  departments: string[] | '*';
}

export class ApiKeyIdParams {
  @ApiProperty({ example: '3f9c0a1b2c3d4e5f', description: 'Key id (16 hex digits, or `bootstrap`)' })
  @Matches(/^([0-9a-f]{16}|bootstrap)$/, { message: 'id must be an API key id' })
  id: string;
}
