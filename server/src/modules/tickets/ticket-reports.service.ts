import { Inject, Injectable } from '@nestjs/common';
import {
  TICKET_REPORT_REASON_LABELS,
  type TicketReportRequest,
  type TicketReportResult,
  type TicketReportTarget,
} from '@jinri/shared';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import type { AuthUser } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import { workingDeadline } from './ticket-deadlines';
import {
  heldByReports,
  reachesThreshold,
  REPORT_TARGET_LABELS,
  reportableTargets,
  REPORTS_PER_HOUR,
} from './ticket-reports';
import { TicketReportsRepository } from './ticket-reports.repository';
import { isPublic } from './ticket-view';
import type { Ticket } from './ticket.entity';
import { type NewEvent, TicketsRepository } from './tickets.repository';

const HOUR = 3_600_000;

/**
 * 举报: any signed-in user reports a public comment or its answer, once per target. At three
 * different reporters the target is hidden in the same transaction (with an event) and waits in the
 * 待审核 queue; the supervisor's review goes through POST /tickets/:id/moderate (TicketCommandsService).
 */
@Injectable()
export class TicketReportsService {
  constructor(
    private readonly reports: TicketReportsRepository,
    private readonly tickets: TicketsRepository,
    private readonly calendars: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async report(user: AuthUser, id: number, input: TicketReportRequest): Promise<TicketReportResult> {
    const ticket = await this.tickets.findById(id);
    if (!ticket) throw new AppException('TICKET.NOT_FOUND');
    if (this.isOwn(user, ticket, input.target)) throw new AppException('TICKET.REPORT_OWN');
    const mine = await this.reports.findTargetsOf(id, user.userId);
    const result = (targets: TicketReportTarget[]): TicketReportResult => ({
      target: input.target,
      reported: true,
      reportedTargets: targets,
    });
    // Idempotent: the same report again (a retry, a second tap) is answered, not counted.
    if (mine.includes(input.target)) return result(mine);
    if (!isPublic(ticket)) throw new AppException('TICKET.NOT_FOUND', '找不到该留言，或该留言未公开');
    if (!reportableTargets(ticket).includes(input.target)) throw new AppException('TICKET.REPORT_NO_REPLY');
    const now = this.clock.now();
    const recent = await this.reports.findRecentBy(
      user.userId,
      new Date(now.getTime() - HOUR),
      REPORTS_PER_HOUR,
    );
    if (recent.length >= REPORTS_PER_HOUR) {
      const wait = Math.ceil((recent[0]!.getTime() + HOUR - now.getTime()) / 1000);
      throw AppException.rateLimited('TICKET.REPORT_RATE_LIMITED', Math.max(1, wait));
    }
    const note = input.note?.trim() || null;
    // The review deadline of the 待审核 queue, read before the transaction (one connection inside it).
    const reviewDueAt = workingDeadline(
      await this.calendars.calendar(),
      now,
      this.config.tickets.reviewWorkingDays,
    );
    try {
      await this.tickets.transaction(async (manager: EntityManager) => {
        await this.reports.lockTicket(manager, id);
        await this.reports.insert(manager, {
          ticketId: id,
          target: input.target,
          reporterUserId: user.userId,
          reason: input.reason,
          note,
          reviewedAt: null,
          createdAt: now,
        });
        const count = await this.reports.countPending(id, input.target, manager);
        if (!reachesThreshold(count)) return;
        if (!(await this.reports.hold(manager, id, input.target, now, reviewDueAt))) return;
        await this.tickets.insertEvent(manager, id, {
          type: 'reported_hidden',
          fromStatus: ticket.status,
          toStatus: ticket.status,
          actorUserId: null,
          actorLabel: '系统',
          note: `${count} 位用户举报${REPORT_TARGET_LABELS[input.target]}（最近一次：${
            TICKET_REPORT_REASON_LABELS[input.reason]
          }），已暂停公开，等待审核`,
          createdAt: now,
        } as NewEvent);
      });
    } catch (error) {
      // The same user's report raced in from a second tap: the unique index kept one.
      const again = await this.reports.findTargetsOf(id, user.userId);
      if (again.includes(input.target)) return result(again);
      throw error;
    }
    return result([...mine, input.target]);
  }

  /** What reports hold on this ticket for the supervisor's review (empty: nothing, or not by reports). */
  async heldTargets(ticket: Ticket): Promise<TicketReportTarget[]> {
    const pending = ticket.moderation === 'held' ? await this.reports.countPending(ticket.id, 'comment') : 0;
    return heldByReports(ticket, pending);
  }

  /** What the viewer may still report, and has reported (for the actions of the public view). */
  async viewerState(
    user: AuthUser,
    ticket: Ticket,
  ): Promise<{ canReport: boolean; reported: TicketReportTarget[] }> {
    const reported = await this.reports.findTargetsOf(ticket.id, user.userId);
    const open = reportableTargets(ticket).filter(
      (t) => !reported.includes(t) && !this.isOwn(user, ticket, t),
    );
    return { canReport: isPublic(ticket) && open.length > 0, reported };
  }

  markReviewed(
    manager: EntityManager,
    ticketId: number,
    targets: readonly TicketReportTarget[],
  ): Promise<void> {
    return this.reports.markReviewed(manager, ticketId, targets, this.clock.now());
  }

  /** The author's own ticket, or (for the answer) the official who answers it. */
  private isOwn(user: AuthUser, ticket: Ticket, target: TicketReportTarget): boolean {
    if (ticket.authorUserId === user.userId) return true;
    return (
      target === 'reply' &&
      ticket.assigneeOfficialId !== null &&
      user.officialId !== undefined &&
      ticket.assigneeOfficialId === user.officialId
    );
  }
}
