import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DEFAULT_RULES } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { GuardedTick } from '../../common/jobs/guarded-tick';
import { atLocal, localDate } from '../../common/time/local-time';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { CalendarService } from '../calendar/calendar.service';
import { JobLockService } from '../jobs/job-lock.service';
import { type OutgoingMessage, OutboxService } from '../notifications/outbox.service';
import { digestMessages, dueMessages, formatTime } from '../notifications/ticket-messages';
import { endOfLocalDay, reminderAt } from './ticket-deadlines';
import { TicketDeadlinesRepository } from './ticket-deadlines.repository';
import type { Ticket } from './ticket.entity';
import { type NewEvent, TicketsRepository } from './tickets.repository';

const BATCH = 200;
const DAY = 24 * 3_600_000;
/** Officials with at least this many open tickets get the morning digest. */
export const DIGEST_MIN_OPEN = 3;
export const DIGEST_TIME = '08:30';

export interface DeadlineRunResult {
  reminded: number;
  escalated: number;
  closed: number;
  scrubbed: number;
}

/**
 * Every minute: reminders on the working day before a deadline, escalation of overdue tickets to
 * the supervisor (a visible marker), auto close 7 days after resolution without a rating, and the
 * scrubbing of personal data after the retention period. Each step is a conditional update, so
 * several instances can run it at once without doing anything twice. Once a day: the digest.
 */
@Injectable()
export class TicketDeadlinesJob {
  private readonly logger = new Logger('TicketDeadlinesJob');
  private readonly ticks = new GuardedTick({
    enabled: () => this.config.jobsEnabled,
    logger: this.logger,
    alone: true,
  });

  constructor(
    private readonly repository: TicketsRepository,
    private readonly due: TicketDeadlinesRepository,
    private readonly outbox: OutboxService,
    private readonly calendars: CalendarService,
    private readonly locks: JobLockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'ticket-deadlines' })
  async tick(): Promise<void> {
    await this.ticks.run('ticket deadlines failed', async () => {
      await this.run();
      await this.digest();
    });
  }

  async run(): Promise<DeadlineRunResult> {
    const result = {
      reminded: await this.remind(),
      escalated: await this.escalate(),
      closed: await this.autoClose(),
      scrubbed: await this.scrub(),
    };
    if (result.reminded + result.escalated + result.closed + result.scrubbed > 0)
      this.logger.log(result, 'ticket deadlines');
    return result;
  }

  private async remind(): Promise<number> {
    const now = this.clock.now();
    const calendar = await this.calendars.calendar();
    // A reminder is due once its deadline's previous working day has come: only deadlines up to
    // the end of the next working day can qualify, so only those are read.
    const horizon = endOfLocalDay(calendar.nextWorkday(localDate(now)));
    const candidates = await this.due.findDueForReminder(horizon, BATCH);
    let count = 0;
    for (const ticket of candidates) {
      if (ticket.dueAt <= now || reminderAt(calendar, ticket.dueAt) > now) continue;
      // Recipients first: no second pooled connection while the transaction holds one.
      const userIds = await this.repository.findUserIdsOfOfficial(ticket.assigneeOfficialId!);
      const done = await this.repository.transaction(async (manager) => {
        if (!(await this.due.markOnce(manager, ticket.id, 'remindedAt', now))) return false;
        await this.repository.insertEvent(
          manager,
          ticket.id,
          this.event(ticket, 'reminded', `办理期限 ${formatTime(ticket.dueAt)}，请及时办理`, now),
        );
        await this.outbox.enqueue(manager, dueMessages(userIds, ticket, '工单明天到期，请及时办理'));
        return true;
      });
      if (done) count += 1;
    }
    return count;
  }

  private async escalate(): Promise<number> {
    const now = this.clock.now();
    let count = 0;
    for (const ticket of await this.due.findDueForEscalation(now, BATCH)) {
      const supervisors = await this.repository.findSupervisorUserIds(ticket.assigneeUnit.path);
      const officials = ticket.assigneeOfficialId
        ? await this.repository.findUserIdsOfOfficial(ticket.assigneeOfficialId)
        : [];
      const done = await this.repository.transaction(async (manager) => {
        if (!(await this.due.markOnce(manager, ticket.id, 'escalatedAt', now))) return false;
        await this.repository.insertEvent(
          manager,
          ticket.id,
          this.event(ticket, 'escalated', '已超过办理期限，转督查室督办', now),
        );
        await this.outbox.enqueue(manager, [
          ...dueMessages(supervisors, ticket, `工单已超期：${ticket.assigneeOfficial?.name ?? '待分派'}`),
          ...dueMessages(officials, ticket, '工单已超期，已转督查室督办'),
        ]);
        return true;
      });
      if (done) count += 1;
    }
    return count;
  }

  private async autoClose(): Promise<number> {
    const now = this.clock.now();
    const before = new Date(now.getTime() - DEFAULT_RULES.ticketAutoCloseDays * DAY);
    let count = 0;
    for (const ticket of await this.due.findDueForAutoClose(before, BATCH)) {
      const done = await this.repository.transaction(async (manager) => {
        if (
          !(await this.repository.updateIfVersion(manager, ticket.id, ticket.version, {
            status: 'closed',
            closedAt: now,
            updatedAt: now,
          }))
        )
          return false;
        await this.repository.insertEvent(manager, ticket.id, {
          ...this.event(ticket, 'closed', `${DEFAULT_RULES.ticketAutoCloseDays} 天内未评价，自动办结`, now),
          toStatus: 'closed',
        });
        return true;
      });
      if (done) count += 1;
    }
    return count;
  }

  /** Personal data of final tickets past retention: the anonymous record and the figures stay. */
  private async scrub(): Promise<number> {
    const now = this.clock.now();
    const before = new Date(now.getTime() - this.config.tickets.retentionDays * DAY);
    let count = 0;
    for (const ticket of await this.due.findDueForScrubbing(before, BATCH)) {
      const done = await this.repository.transaction(async (manager) => {
        const patch = {
          authorLabel: '村民',
          contactPhoneEnc: null,
          ipHash: null,
          scrubbedAt: now,
          updatedAt: now,
          // What was never public may hold private details: only the record of it stays.
          ...(ticket.publicAllowed ? {} : { content: '（内容已按保留期限清除）', photoIds: [] }),
        };
        if (!(await this.repository.updateIfVersion(manager, ticket.id, ticket.version, patch))) return false;
        await this.repository.deleteFollowers(manager, ticket.id);
        await this.due.clearOpen311Contact(manager, ticket.id);
        await this.repository.insertEvent(
          manager,
          ticket.id,
          this.event(ticket, 'scrubbed', `已满 ${this.config.tickets.retentionDays} 天，个人信息已清除`, now),
        );
        return true;
      });
      if (done) count += 1;
    }
    return count;
  }

  /** The morning digest for officials with several open tickets (working days, once a day). */
  async digest(): Promise<number> {
    const now = this.clock.now();
    const today = localDate(now);
    if (now < atLocal(today, DIGEST_TIME) || !(await this.calendars.calendar()).isWorkday(today)) return 0;
    const run = await this.locks.runOnce('ticket-digest', today, async () => {
      const rows = await this.due.findOfficialsWithOpenTickets(DIGEST_MIN_OPEN, now);
      const outgoing: OutgoingMessage[] = [];
      for (const row of rows)
        outgoing.push(
          ...digestMessages(
            await this.repository.findUserIdsOfOfficial(row.officialId),
            row.open,
            row.overdue,
          ),
        );
      await this.repository.transaction((manager) => this.outbox.enqueue(manager, outgoing));
      return outgoing.length;
    });
    return run.result ?? 0;
  }

  private event(ticket: Ticket, type: NewEvent['type'], note: string, at: Date): NewEvent {
    return {
      type,
      fromStatus: ticket.status,
      toStatus: ticket.status,
      actorUserId: null,
      actorLabel: '系统',
      note,
      createdAt: at,
    } as NewEvent;
  }
}
