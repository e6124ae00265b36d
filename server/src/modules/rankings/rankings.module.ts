import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CacheModule } from '../cache/cache.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DirectoryModule } from '../directory/directory.module';
import { JournalsModule } from '../journals/journals.module';
import { CurrentFlags } from './current-flags';
import { DemoRankingsSeeder } from './demo-rankings';
import { FlagAwardRow, FlagAwardUnitRow } from './flag-award.entity';
import { RankingSettingsRow } from './ranking-settings.entity';
import { RankingsController } from './rankings.controller';
import { RankingsRepository } from './rankings.repository';
import { RankingsService } from './rankings.service';

/** Rankings and 红黄旗 (issue #14). */
@Module({
  imports: [
    TypeOrmModule.forFeature([RankingSettingsRow, FlagAwardRow, FlagAwardUnitRow]),
    CacheModule,
    CalendarModule,
    DirectoryModule,
    JournalsModule,
  ],
  controllers: [RankingsController],
  providers: [RankingsRepository, RankingsService, CurrentFlags, DemoRankingsSeeder],
})
export class RankingsModule {}
