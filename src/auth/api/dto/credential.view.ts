import { ApiProperty } from '@nestjs/swagger';
import { PERMISSIONS } from '../../../common/auth/permissions.js';

export class CredentialViewDto {
  @ApiProperty({ description: 'The API key id or the token subject', example: '3f9c0a1b2c3d4e5f' }) id: string;
  @ApiProperty({ enum: ['api_key', 'user'] }) kind: 'api_key' | 'user' | 'system';
  @ApiProperty({ type: [String], example: ['procurement_officer'] }) roles: string[];
  @ApiProperty({
    description: 'Department codes in scope (sorted), or "*" for all',
    oneOf: [
      { type: 'array', items: { type: 'string' } },
      { type: 'string', enum: ['*'] },
    ],
  })
  departments: readonly string[] | '*';
  @ApiProperty({ enum: PERMISSIONS, isArray: true, description: 'What the roles grant' }) permissions: string[];
}
