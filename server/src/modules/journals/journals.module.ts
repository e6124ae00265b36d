import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { DirectoryModule } from '../directory/directory.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UploadsModule } from '../uploads/uploads.module';
import { BatchController } from './batch.controller';
import { BatchService } from './batch.service';
import { DayPlan } from './day-plan.entity';
import { DemoPublisher } from './demo-publisher';
import { EntryUpdate } from './entry-update.entity';
import { EntryUpdatesService } from './entry-updates.service';
import { JournalRulesAdmin } from './journal-rules.admin';
import { JournalRulesRow } from './journal-rules.entity';
import { JournalRulesService } from './journal-rules.service';
import { JournalsController } from './journals.controller';
import { JournalsRepository } from './journals.repository';
import { Leave } from './leave.entity';
import { LeaveController } from './leave.controller';
import { LeaveService } from './leave.service';
import { PlanAccess } from './plan-access';
import { PlanEntry } from './plan-entry.entity';
import { PlanReminderJob } from './plan-reminder.job';
import { PlanRevision } from './plan-revision.entity';
import { PlansService } from './plans.service';
import { PublicationJob } from './publication.job';
import { TimelineService } from './timeline.service';
import { TodayService } from './today.service';
import { WeeklyReport } from './weekly-report.entity';
import { WeeklyReportsService } from './weekly-reports.service';
import { CurrentFlags } from '../rankings/current-flags';
import { RankingsRepository } from '../rankings/rankings.repository';

/** Day plans, publication, revisions, 一日三晒, leave, weekly reports, reminders. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      DayPlan,
      PlanEntry,
      PlanRevision,
      EntryUpdate,
      Leave,
      WeeklyReport,
      JournalRulesRow,
    ]),
    AuthModule,
    DirectoryModule,
    NotificationsModule,
    UploadsModule,
  ],
  controllers: [JournalsController, LeaveController, BatchController],
  providers: [
    // The current 红旗 / 黄旗 shown on the pages (issue #14).
    RankingsRepository,
    CurrentFlags,
    JournalsRepository,
    JournalRulesService,
    JournalRulesAdmin,
    PlanAccess,
    PlansService,
    TodayService,
    TimelineService,
    EntryUpdatesService,
    LeaveService,
    WeeklyReportsService,
    PublicationJob,
    PlanReminderJob,
    DemoPublisher,
    BatchService,
  ],
  exports: [PlansService, JournalsRepository, JournalRulesService],
})
export class JournalsModule {}
