import type { Readable } from 'node:stream';
import { Controller, Headers, type MessageEvent, Query, Res, Sse } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBadRequestResponse, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Allow } from '../../common/auth/access.decorator.js';
import type { Actor } from '../../common/context/command-context.js';
import { CurrentActor } from '../../common/http/actor.decorator.js';
import { feedOptions } from '../application/feed-scope.js';
import { LiveFeed } from '../application/live-feed.js';
import { decodeCursor, FEED_START } from '../domain/feed-cursor.js';
import { LiveFeedQueryDto } from './dto/live-feed-query.dto.js';

@ApiTags('event log')
@Controller('events')
export class EventStreamController {
  constructor(private readonly live: LiveFeed) {}

  @Sse('stream')
  @Allow('feed:read')
  @ApiOperation({
    summary: 'Follow the event log live (server-sent events)',
    description:
      'The same gap-free order as GET /events. Each `event` message carries one event (the EventView of ' +
      'GET /events) and, as its `id`, the cursor just past it: reconnect with `Last-Event-ID` (or `after`) to ' +
      'resume without gaps or repeats. `heartbeat` messages every 15 s carry the cursor reached so far. ' +
      "Only events of departments in the caller's scope; asking for another department is 403. " +
      'Filters as on GET /events (`types`, `streamPrefix`, `budgetYear`).',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this message id (wins over `after`)' })
  @ApiBadRequestResponse({ description: 'Invalid cursor, type(s), streamPrefix, budgetYear or department (`field` names it)' })
  stream(
    @Query() query: LiveFeedQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Observable<MessageEvent> {
    const after = lastEventId ? decodeCursor(lastEventId, 'Last-Event-ID') : query.after ? decodeCursor(query.after) : FEED_START;
    // Nest pipes its SSE stream into the response: what piles up in either is what the client has not read.
    let source: Readable | undefined;
    res.once('pipe', (from: Readable) => (source = from));
    const unread = () => (source?.readableLength ?? 0) + res.writableLength;
    return this.live.follow({ ...feedOptions(actor, query), after, unread });
  }
}
