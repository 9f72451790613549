import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      // The server was probed before start (check-database.ts), so no retry loop here.
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config), retryAttempts: 1, retryDelay: 1000 }),
    }),
  ],
})
export class DatabaseModule {}
