import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { CalendarModule } from '../calendar/calendar.module';
import { DirectoryModule } from '../directory/directory.module';
import { JobsModule } from '../jobs/jobs.module';
import { JournalsModule } from '../journals/journals.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UploadsModule } from '../uploads/uploads.module';
import { ComplianceFinding } from './compliance-finding.entity';
import { FindingsCheckJob } from './findings-check.job';
import { FindingsCheckRepository } from './findings-check.repository';
import { FindingsCheckService } from './findings-check.service';
import { DemoSupervisionSeeder } from './demo-supervision';
import { FindingsController } from './findings.controller';
import { FindingsRepository } from './findings.repository';
import { FindingsService } from './findings.service';
import { MeSupervisionController } from './me-supervision.controller';
import { NoticesController } from './notices.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesService } from './notices.service';
import { SelfExamOverdueJob } from './self-exam-overdue.job';
import { SelfExaminationsController } from './self-examinations.controller';
import { SelfExaminationsRepository } from './self-examinations.repository';
import { SelfExaminationsService } from './self-examinations.service';
import { NoticeFinding } from './notice-finding.entity';
import { Notice } from './notice.entity';
import { SelfExamination } from './self-examination.entity';
import { SpotCheckSample } from './spot-check-sample.entity';
import { SpotCheck } from './spot-check.entity';
import { SpotChecksController } from './spot-checks.controller';
import { SpotChecksRepository } from './spot-checks.repository';
import { SpotChecksService } from './spot-checks.service';
import { SupervisionEvent } from './supervision-event.entity';
import { SupervisionEventsRepository } from './supervision-events.repository';
import { SupervisionMessages } from './supervision-messages';
import { SupervisionPhotos } from './supervision-photos';
import { SupervisionScope } from './supervision-scope';
import { WorkbenchController } from './workbench.controller';
import { WorkbenchRepository } from './workbench.repository';
import { WorkbenchService } from './workbench.service';

/**
 * 督查 (supervision I): the morning check's findings and their lifecycle (申辩, confirm, dismiss),
 * spot checks (抽查) with recorded random samples, circulated notices (督察通报) with .docx export,
 * and the written self-examinations they require.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ComplianceFinding,
      SupervisionEvent,
      SpotCheckSample,
      SpotCheck,
      Notice,
      NoticeFinding,
      SelfExamination,
    ]),
    AuthModule,
    CalendarModule,
    DirectoryModule,
    JobsModule,
    JournalsModule,
    NotificationsModule,
    UploadsModule,
  ],
  controllers: [
    FindingsController,
    SpotChecksController,
    WorkbenchController,
    NoticesController,
    SelfExaminationsController,
    MeSupervisionController,
  ],
  providers: [
    DemoSupervisionSeeder,
    FindingsCheckJob,
    FindingsCheckRepository,
    FindingsCheckService,
    FindingsRepository,
    FindingsService,
    NoticesRepository,
    NoticesService,
    SelfExaminationsRepository,
    SelfExaminationsService,
    SelfExamOverdueJob,
    SupervisionEventsRepository,
    SupervisionMessages,
    SupervisionPhotos,
    SupervisionScope,
    SpotChecksRepository,
    SpotChecksService,
    WorkbenchRepository,
    WorkbenchService,
  ],
  exports: [FindingsCheckService, FindingsService, FindingsRepository],
})
export class SupervisionModule {}
