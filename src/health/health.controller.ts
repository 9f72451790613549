import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../common/auth/access.decorator.js';
import { AppConfig } from '../config/app-config.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and database reachability' })
  @ApiOkResponse({ description: '{ "status": "ok", "database": "pglite" | "postgres", "info": {...} }' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async check() {
    const result = await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
    return { status: result.status, database: this.config.databaseKind, info: result.info };
  }
}
