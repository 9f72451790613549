import { Body, Controller, Get, Headers, Param, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow } from '../../common/auth/access.decorator.js';
import type { Actor, CommandContext } from '../../common/context/command-context.js';
import { CurrentActor } from '../../common/http/actor.decorator.js';
import { Ctx } from '../../common/http/command-context.decorator.js';
import { ListConsumersQuery, ReadConsumerQuery } from '../application/consumers/consumer-queries.js';
import { SetCheckpointCommand } from '../application/consumers/set-checkpoint.handler.js';
import {
  CheckpointQueryDto,
  ConsumerListResponse,
  ConsumerNameParams,
  ConsumerResponse,
  ListConsumersQueryDto,
  SetCheckpointRequest,
} from './dto/consumer.dto.js';

const NOT_FOUND = "No such consumer (also one created for departments outside the credential's scope)";

@ApiTags('event log')
@Controller('consumers')
export class ConsumersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':name/checkpoint')
  // A write, however small: the auditor reads the feed but writes nothing (README, Roles).
  @Allow('consumers:write')
  @ApiOperation({
    summary: "Save a consumer's position in the feed (compare-and-set)",
    description:
      'Creates the consumer (it belongs to the departments of this credential) or moves its checkpoint. Once it ' +
      'exists, If-Match must be its current cursor: a stale one is 409 CONSUMER.CHECKPOINT_CONFLICT naming the ' +
      'current cursor. A checkpoint never moves backwards (409 CONSUMER.CHECKPOINT_BACKWARDS) unless `reset=true`.',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The current cursor of the consumer (required once it exists)' })
  @ApiOkResponse({ type: ConsumerResponse })
  @ApiBadRequestResponse({ description: 'Malformed cursor, name or If-Match missing (`field` names it)' })
  @ApiConflictResponse({ description: 'Stale If-Match, or a move backwards without reset' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  setCheckpoint(
    @Param() p: ConsumerNameParams,
    @Body() body: SetCheckpointRequest,
    @Query() q: CheckpointQueryDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Ctx() ctx: CommandContext,
  ): Promise<ConsumerResponse> {
    return this.commands.execute(new SetCheckpointCommand(p.name, body.cursor, ifMatch, q.reset, ctx));
  }

  @Get()
  @Allow('consumers:read')
  @ApiOperation({ summary: "The consumers the credential's scope covers, by name" })
  @ApiOkResponse({ type: ConsumerListResponse })
  list(@Query() q: ListConsumersQueryDto, @CurrentActor() actor: Actor): Promise<ConsumerListResponse> {
    return this.queries.execute(new ListConsumersQuery(actor, q.offset, q.limit));
  }

  @Get(':name')
  @Allow('consumers:read')
  @ApiOperation({ summary: 'A consumer: its checkpoint and its lag' })
  @ApiOkResponse({ type: ConsumerResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param() p: ConsumerNameParams, @CurrentActor() actor: Actor): Promise<ConsumerResponse> {
    return this.queries.execute(new ReadConsumerQuery(p.name, actor));
  }
}
