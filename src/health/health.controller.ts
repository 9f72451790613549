import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../common/auth/access.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { EventRelay } from '../event-log/index.js';
import { HealthView } from './health.view.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly config: AppConfig,
    private readonly relay: EventRelay,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and database reachability' })
  @ApiOkResponse({
    type: HealthView,
    description:
      '{ "status": "ok", "database": "pglite" | "postgres", "info": {...} }; with NATS_URL also ' +
      '`relay: { state: "up" | "retrying" | "down" | "standby", lag, lastPublishedAt }` (a broker outage keeps this 200)',
  })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  async check(): Promise<HealthView> {
    const result = await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
    const relay = this.relay.enabled ? { relay: await this.relay.status() } : {};
    return { status: result.status, database: this.config.databaseKind, info: result.info, ...relay };
  }
}
