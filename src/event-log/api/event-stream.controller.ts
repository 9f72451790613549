import { Controller, Headers, type MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Allow } from '../../common/auth/access.decorator.js';
import type { Actor } from '../../common/context/command-context.js';
import { CurrentActor } from '../../common/http/actor.decorator.js';
import { feedOptions } from '../application/feed-scope.js';
import { LiveFeed, SSE_MAX_PENDING } from '../application/live-feed.js';
import { decodeCursor, FEED_START } from '../domain/feed-cursor.js';
import { LiveFeedQueryDto } from './dto/live-feed-query.dto.js';

@ApiTags('event log')
@Controller('events')
export class EventStreamController {
  constructor(private readonly live: LiveFeed) {}

  // A subscriber that stops reading is dropped past this bound, without holding up the others.
  @Sse('stream', { maxPendingDataLength: SSE_MAX_PENDING })
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
  @ApiOkResponse({
    description: '`event` and `heartbeat` messages, each `data` one JSON document',
    content: {
      'text/event-stream': { schema: { type: 'string', example: 'id: 42\nevent: event\ndata: {"type":"PurchasePlanned",…}\n\n' } },
    },
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this message id (wins over `after`)' })
  @ApiBadRequestResponse({ description: 'Invalid cursor, type(s), streamPrefix, budgetYear or department (`field` names it)' })
  stream(
    @Query() query: LiveFeedQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @CurrentActor() actor: Actor,
  ): Observable<MessageEvent> {
    const after = lastEventId ? decodeCursor(lastEventId, 'Last-Event-ID') : query.after ? decodeCursor(query.after) : FEED_START;
    return this.live.follow({ ...feedOptions(actor, query), after });
  }
}
