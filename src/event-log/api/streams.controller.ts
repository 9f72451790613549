import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadStreamQuery } from '../application/read-stream.query.js';
import { EventView, StreamView } from './dto/event.view.js';

@ApiTags('event log')
@Controller('streams')
export class StreamsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':streamId')
  @ApiOperation({ summary: "One stream's events in version order" })
  @ApiOkResponse({ type: StreamView })
  @ApiNotFoundResponse({ description: 'No such stream' })
  async stream(@Param('streamId') streamId: string): Promise<StreamView> {
    const events = await this.queries.execute(new ReadStreamQuery(streamId));
    return { streamId, version: events[events.length - 1].streamVersion, events: events.map(EventView.of) };
  }
}
