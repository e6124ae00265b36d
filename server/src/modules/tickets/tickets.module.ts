import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { DirectoryModule } from '../directory/directory.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PopularMattersModule } from '../search/popular/popular-matters.module';
import { UploadsModule } from '../uploads/uploads.module';
import { WechatModule } from '../wechat/wechat.module';
import { ModerationService } from './moderation.service';
import { SensitiveWord } from './sensitive-word.entity';
import { TicketCommandsService } from './ticket-commands.service';
import { TicketDeadlinesJob } from './ticket-deadlines.job';
import { TicketDeadlinesRepository } from './ticket-deadlines.repository';
import { TicketEvent } from './ticket-event.entity';
import { TicketFollower } from './ticket-follower.entity';
import { TicketInboxRepository } from './ticket-inbox.repository';
import { TicketQueriesService } from './ticket-queries.service';
import { TicketReportsRepository } from './ticket-reports.repository';
import { TicketReportsService } from './ticket-reports.service';
import { TicketRouter } from './ticket-router';
import { TicketSubmissionService } from './ticket-submission.service';
import { Ticket } from './ticket.entity';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';

/** 工单: the closed loop from a resident's comment to their rating (Open311 is modules/open311). */
@Module({
  imports: [
    TypeOrmModule.forFeature([Ticket, TicketEvent, TicketFollower, SensitiveWord]),
    CalendarModule,
    NotificationsModule,
    DirectoryModule,
    PopularMattersModule,
    UploadsModule,
    WechatModule,
  ],
  controllers: [TicketsController],
  providers: [
    TicketsRepository,
    TicketInboxRepository,
    TicketDeadlinesRepository,
    TicketReportsRepository,
    TicketReportsService,
    TicketRouter,
    ModerationService,
    TicketSubmissionService,
    TicketQueriesService,
    TicketCommandsService,
    TicketDeadlinesJob,
  ],
  exports: [TicketSubmissionService, TicketQueriesService, TicketCommandsService],
})
export class TicketsModule {}
