import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../common/auth/access.decorator.js';
import { RebuildReadModelsCommand, type RebuildResult } from '../application/rebuild-read-models.command.js';
import { RebuildView } from './dto/rebuild.view.js';

@ApiTags('operations')
@Controller('admin/read-models')
export class ReadModelsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('rebuild')
  @Allow('admin', { allDepartments: true })
  @HttpCode(200)
  @ApiOperation({ summary: 'Rebuild every read model from the event log (one transaction)' })
  @ApiOkResponse({ type: RebuildView })
  rebuild(): Promise<RebuildResult> {
    return this.commands.execute(new RebuildReadModelsCommand());
  }
}
