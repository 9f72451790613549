import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AssetsModule } from './assets/assets.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BudgetModule } from './budget/budget.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { CrossChecksModule } from './cross-checks/cross-checks.module.js';
import { DisclosureModule } from './disclosure/disclosure.module.js';
import { ProcurementModule } from './procurement/procurement.module.js';
import { loggerParams } from './common/http/logging.js';
import { AppConfig } from './config/app-config.js';
import { ConsoleModule } from './console/console.module.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { EventLogModule } from './event-log/event-log.module.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';

export interface AppOptions {
  /** Where log lines go (default stdout). */
  logDestination?: DestinationStream;
  /** Folder of the built web console (default `dist/web`, beside the compiled service). */
  consoleRoot?: string;
  /** Apply pending migrations at start (default); a cluster worker does not, its primary did. */
  migrate?: boolean;
  /** Close the app on SIGTERM/SIGINT (default); a cluster worker handles its signals itself. */
  shutdownHooks?: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config, options.logDestination)),
        CqrsModule.forRoot(),
        MetricsModule,
        AuthModule,
        DatabaseModule.forRoot(options.migrate ?? true),
        EventLogModule,
        HealthModule,
        CatalogModule,
        BudgetModule,
        ProcurementModule,
        AssetsModule,
        CrossChecksModule,
        ConsoleModule.forRoot(options.consoleRoot),
        DisclosureModule,
      ],
    };
  }
}
