import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app.config';
import { buildDataSourceOptions, detectMysqlServer } from './data-source';
import { DatabaseBootstrapService } from './database-bootstrap.service';

@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => ({
            ...buildDataSourceOptions(config.database, await detectMysqlServer(config.database)),
            // Fail fast at start instead of retrying for minutes against a wrong URL.
            retryAttempts: 2,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [DatabaseBootstrapService],
    };
  }
}
