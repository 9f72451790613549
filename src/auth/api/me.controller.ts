import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../common/auth/access.decorator.js';
import type { Actor } from '../../common/context/command-context.js';
import { CurrentActor } from '../../common/http/actor.decorator.js';
import { credentialView } from '../application/credential-view.js';
import { CredentialViewDto } from './dto/credential.view.js';

@ApiTags('access')
@Controller('me')
export class MeController {
  // catalog:read is the one permission every role has: any credential that can do anything may ask.
  @Get()
  @Allow('catalog:read')
  @ApiOperation({
    summary: 'The calling credential: its roles, departments and permissions',
    description: 'Lets a client (the web console) offer only the departments and actions the credential may use.',
  })
  @ApiOkResponse({ type: CredentialViewDto })
  me(@CurrentActor() actor: Actor): CredentialViewDto {
    return credentialView(actor);
  }
}
