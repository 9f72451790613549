import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../common/auth/access.decorator.js';
import type { Actor } from '../../common/context/command-context.js';
import { CurrentActor } from '../../common/http/actor.decorator.js';
import { ReadStreamQuery } from '../application/read-stream.query.js';
import { EventView, StreamView } from './dto/event.view.js';

@ApiTags('event log')
@Controller('streams')
export class StreamsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':streamId')
  @Allow('history:read')
  @ApiOperation({ summary: "One stream's events in version order" })
  @ApiOkResponse({ type: StreamView })
  @ApiNotFoundResponse({ description: "No such stream (also for a stream of a department outside the credential's scope)" })
  async stream(@Param('streamId') streamId: string, @CurrentActor() actor: Actor): Promise<StreamView> {
    const events = await this.queries.execute(new ReadStreamQuery(streamId, actor));
    return { streamId, version: events[events.length - 1].streamVersion, events: events.map(EventView.of) };
  }
}
