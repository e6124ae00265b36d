import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams } from './common/logging/logger.options';
import type { AppConfig } from './config/app.config';
import { ConfigModule, type CoreOverrides } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuthModule } from './modules/auth/auth.module';
import { BoardsModule } from './modules/boards/boards.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { HealthModule } from './modules/health/health.module';
import { CacheModule } from './modules/cache/cache.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { LimitsModule } from './modules/limits/limits.module';
import { JournalsModule } from './modules/journals/journals.module';
import { OperationsModule } from './modules/operations/operations.module';
import { RankingsModule } from './modules/rankings/rankings.module';
import { RecordsModule } from './modules/records/records.module';
import { LotteriesModule } from './modules/lotteries/lotteries.module';
import { SearchModule } from './modules/search/search.module';
import { SupervisionModule } from './modules/supervision/supervision.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { Open311Module } from './modules/open311/open311.module';
import { UploadsModule } from './modules/uploads/uploads.module';
import { WechatModule } from './modules/wechat/wechat.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: CoreOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, overrides),
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseModule.forRoot(config),
        ScheduleModule.forRoot(),
        OperationsModule,
        HealthModule,
        DirectoryModule,
        WechatModule,
        AuthModule,
        CacheModule,
        JobsModule,
        LimitsModule,
        CalendarModule,
        UploadsModule,
        JournalsModule,
        SearchModule,
        TicketsModule,
        Open311Module,
        SupervisionModule,
        RankingsModule,
        RecordsModule,
        BoardsModule,
        LotteriesModule,
      ],
    };
  }
}
