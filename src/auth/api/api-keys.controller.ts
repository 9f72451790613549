import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow } from '../../common/auth/access.decorator.js';
import type { Actor, CommandContext } from '../../common/context/command-context.js';
import { CurrentActor } from '../../common/http/actor.decorator.js';
import { Ctx } from '../../common/http/command-context.decorator.js';
import { PageQuery, pageOf } from '../../common/http/page.query.js';
import { CreateApiKeyCommand, ListApiKeysQuery, RevokeApiKeyCommand } from '../application/api-key.commands.js';
import { BearerCredential } from './bearer-credential.decorator.js';
import { ApiKeyIdParams, CreateApiKeyRequest } from './dto/api-key.requests.js';
import { ApiKeyListView, CreatedApiKeyView } from './dto/api-key.view.js';

@ApiTags('access')
@Controller('api-keys')
export class ApiKeysController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Allow('admin')
  @ApiOperation({
    summary: 'Create an API key for a system',
    description:
      "The key is in this answer only; the register stores a hash. Departments must be within the caller's own. " +
      'With an Idempotency-Key a retry answers the same key and creates none; the remembered answer is kept sealed under ' +
      "the caller's credential, so a retry with another credential gets 422 IDEMPOTENCY.SEALED_ANSWER.",
  })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  @ApiBadRequestResponse({ description: '`field` names the invalid input' })
  @ApiForbiddenResponse({ description: "Departments beyond the caller's scope" })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used for another request, or under another credential' })
  create(
    @Body() body: CreateApiKeyRequest,
    @Ctx() ctx: CommandContext,
    @BearerCredential() credential: string,
  ): Promise<CreatedApiKeyView> {
    return this.commands.execute(new CreateApiKeyCommand(body.name.trim(), body.roles, body.departments, ctx, credential));
  }

  @Get()
  @Allow('admin')
  @ApiOperation({ summary: "API keys within the caller's departments, revoked ones included; never a secret or hash" })
  @ApiOkResponse({ type: ApiKeyListView })
  async list(@CurrentActor() actor: Actor, @Query() page: PageQuery): Promise<ApiKeyListView> {
    return pageOf(await this.queries.execute(new ListApiKeysQuery(actor)), page);
  }

  @Delete(':id')
  @Allow('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key: refused from the very next request, on every instance' })
  @ApiNoContentResponse({ description: 'Revoked (also when it already was)' })
  @ApiNotFoundResponse({ description: "No such key within the caller's departments" })
  async revoke(@Param() p: ApiKeyIdParams, @CurrentActor() actor: Actor): Promise<void> {
    await this.commands.execute(new RevokeApiKeyCommand(p.id, actor));
  }
}
