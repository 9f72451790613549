import { ApiProperty } from '@nestjs/swagger';

/** A JSON document published as is (an AsyncAPI document, a JSON Schema). */
export class JsonDocumentView {
  @ApiProperty({ required: false, description: 'The document format: `asyncapi` or `$schema`', example: '3.0.0' })
  asyncapi?: string;

  @ApiProperty({ required: false, example: 'https://json-schema.org/draft/2020-12/schema' })
  $schema?: string;
}
