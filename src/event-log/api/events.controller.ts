import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../common/auth/access.decorator.js';
import type { Actor } from '../../common/context/command-context.js';
import { CurrentActor } from '../../common/http/actor.decorator.js';
import type { Response } from 'express';
import { ReadFeedQuery } from '../application/read-feed.query.js';
import { FeedQueryDto } from './dto/feed-query.dto.js';
import { FeedPageView } from './dto/event.view.js';
import { FeedAnswer } from './feed-answer.js';

@ApiTags('event log')
@Controller('events')
export class EventsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Allow('feed:read')
  @ApiOperation({
    summary: 'Read the event log in order, page by page',
    description:
      'Gap-free: an event is served only once every transaction that started before it has finished, so ' +
      'following `next` never skips an event that committed late and never serves one twice. Events of ' +
      'transactions still running appear on a later page. An empty page still returns a `next` to poll with. ' +
      'Only events of the departments the credential covers are served; `department` outside them is a 403. ' +
      '`head` is the cursor just past the newest event the caller can be served now; with `consumer`, `lag` ' +
      "counts the caller's events after that consumer's checkpoint.",
  })
  @ApiOkResponse({ type: FeedPageView })
  @ApiBadRequestResponse({
    description: 'Invalid cursor, limit, type(s), streamPrefix, budgetYear, department or consumer (`field` names it)',
  })
  @ApiNotFoundResponse({ description: 'No such consumer (also one of departments outside the scope)' })
  async feed(@Query() query: FeedQueryDto, @CurrentActor() actor: Actor, @Res() res: Response): Promise<void> {
    const { limit, consumer, ...filters } = query;
    // A FeedPageView, streamed: the events arrive serialized by the database and go straight out.
    const answer = new FeedAnswer(res);
    answer.end(await this.queries.execute(new ReadFeedQuery(actor, filters, limit, consumer, answer.events)));
  }
}
