import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SearchModule } from '../search/search.module';
import { UploadsModule } from '../uploads/uploads.module';
import { WechatModule } from '../wechat/wechat.module';
import { ModerationService } from './moderation.service';
import { Open311Controller } from './open311.controller';
import { Open311Service } from './open311.service';
import { SensitiveWord } from './sensitive-word.entity';
import { TicketDeadlinesJob } from './ticket-deadlines.job';
import { TicketEvent } from './ticket-event.entity';
import { TicketFollower } from './ticket-follower.entity';
import { TicketReportsRepository } from './ticket-reports.repository';
import { TicketReportsService } from './ticket-reports.service';
import { TicketRouter } from './ticket-router';
import { Ticket } from './ticket.entity';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

/** 工单: the closed loop from a resident's comment to their rating; Open311 GeoReport v2. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Ticket, TicketEvent, TicketFollower, SensitiveWord]),
    CalendarModule,
    NotificationsModule,
    SearchModule,
    UploadsModule,
    WechatModule,
  ],
  controllers: [TicketsController, Open311Controller],
  providers: [
    TicketsRepository,
    TicketReportsRepository,
    TicketReportsService,
    TicketRouter,
    ModerationService,
    TicketsService,
    TicketDeadlinesJob,
    Open311Service,
  ],
  exports: [TicketsService],
})
export class TicketsModule {}
