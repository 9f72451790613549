import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/access.decorator.js';
import { EventContracts } from '../application/event-contracts.js';
import { JsonDocumentView } from './dto/json-document.view.js';
import { SchemaVersionParamDto } from './dto/schema-version-param.dto.js';

@ApiTags('event contracts')
@Controller()
export class ContractsController {
  constructor(private readonly contracts: EventContracts) {}

  @Get('asyncapi.json')
  @Public()
  @ApiOperation({ summary: 'AsyncAPI 3.0 document of every event type (NATS subjects, SSE stream, feed)' })
  @ApiOkResponse({ type: JsonDocumentView })
  asyncApi(): Record<string, unknown> {
    return this.contracts.asyncApi();
  }

  @Get('schemas/events/:type')
  @Public()
  @ApiOperation({ summary: "JSON Schema 2020-12 of an event type's current version (the whole published event)" })
  @ApiOkResponse({ type: JsonDocumentView })
  @ApiNotFoundResponse({ description: 'No such event type' })
  current(@Param('type') type: string): Record<string, unknown> {
    return this.contracts.schemaOf(type);
  }

  @Get('schemas/events/:type/:version')
  @Public()
  @ApiOperation({ summary: 'JSON Schema 2020-12 of an event type at one schema version' })
  @ApiOkResponse({ type: JsonDocumentView })
  @ApiNotFoundResponse({ description: 'No such event type or version' })
  atVersion(@Param() params: SchemaVersionParamDto): Record<string, unknown> {
    return this.contracts.schemaOf(params.type, params.version);
  }
}
