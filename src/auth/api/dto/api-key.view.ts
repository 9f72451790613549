import { PageView } from '../../../common/http/page.query.js';
import { ApiProperty } from '@nestjs/swagger';

export class CreatedApiKeyView {
  @ApiProperty({ example: '3f9c0a1b2c3d4e5f' }) id: string;
  @ApiProperty({
    example: 'par_3f9c0a1b2c3d4e5f_q2mXGv0Sx0k1qkA9w0mRZ9p1c6s5Hn8vT3rY4uE7iJ0',
    description: 'Send as `Authorization: Bearer <key>`. Shown in this answer only; the register keeps a hash.',
  })
  key: string;
}

export class ApiKeyView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) roles: string[];
  @ApiProperty({
    oneOf: [
      { type: 'array', items: { type: 'string' } },
      { type: 'string', enum: ['*'] },
    ],
  })
  departments: readonly string[] | '*';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Id of the key or token subject that created it, or `system`' }) createdBy: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedBy: string | null;
}

export class ApiKeyListView extends PageView(ApiKeyView) {}
