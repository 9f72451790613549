import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

@Module({})
export class DatabaseModule {
  /**
   * `migrate: false` in a cluster worker: the primary ran the migrations once before forking, so
   * that several processes starting at once never race to apply the same migration.
   */
  static forRoot(migrate = true): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          // The server was probed before start (check-database.ts), so no retry loop here.
          useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config), migrationsRun: migrate, retryAttempts: 1, retryDelay: 1000 }),
        }),
      ],
    };
  }
}
