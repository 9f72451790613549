import { Controller, Get, Redirect } from '@nestjs/common';
import { ApiFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/access.decorator.js';

/** The service's root is the console's front door. */
@ApiTags('operations')
@Controller()
export class ConsoleRedirectController {
  @Get()
  @Public()
  @Redirect('/app/', 302)
  @ApiOperation({ summary: 'Redirects to the web console (工作台) at /app/' })
  @ApiFoundResponse({ description: 'Location: /app/' })
  root(): void {}
}
