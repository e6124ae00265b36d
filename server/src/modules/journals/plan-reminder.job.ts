import { APP_PAGES } from '@jinri/shared';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { CLOCK, type Clock } from '../../common/clock';
import { GuardedTick } from '../../common/jobs/guarded-tick';
import { addDays, atLocal, chineseDate, localDate } from '../../common/time/local-time';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuthRepository } from '../auth/auth.repository';
import { CalendarService } from '../calendar/calendar.service';
import { JobLockService } from '../jobs/job-lock.service';
import { OutboxService, type OutgoingMessage } from '../notifications/outbox.service';
import { JournalRulesService } from './journal-rules.service';
import { JournalsRepository } from './journals.repository';
import { officialsByJurisdiction } from './jurisdictions';

/** The reminder fires in the first half hour after the reminder time (a restart inside it still sends). */
const WINDOW_MS = 30 * 60_000;

export interface ReminderResult {
  date: string;
  /** Officials with no plan for the date and no approved leave. */
  missing: number;
  /** Messages enqueued (in-app at once; WeChat later by the outbox dispatcher, when the user has an openid). */
  queued: number;
}

/** The mini-program pages a reminder opens: the plan editor for an official, the batch page for a clerk. */
export const PLAN_EDIT_PAGE = APP_PAGES.planEdit;
export const BATCH_PAGE = APP_PAGES.batch;

/**
 * At the reminder time (default 17:00) before a working day: officials with no plan for tomorrow
 * and no approved leave get a reminder, and so do the clerks of their units. The reminders go through
 * the notification outbox in one transaction: an in-app message (消息) for everyone, and a WeChat
 * subscribe message sent later with retries (dropped by the dispatcher for users without WeChat).
 * Once per jurisdiction and date across all instances (a job_runs row is the lock).
 */
@Injectable()
export class PlanReminderJob {
  private readonly logger = new Logger('PlanReminderJob');
  private readonly ticks = new GuardedTick({ enabled: () => this.config.jobsEnabled, logger: this.logger });

  constructor(
    private readonly rules: JournalRulesService,
    private readonly repository: JournalsRepository,
    private readonly grants: AuthRepository,
    private readonly outbox: OutboxService,
    private readonly locks: JobLockService,
    private readonly calendars: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'plan-reminder' })
  async tick(): Promise<void> {
    await this.ticks.run('plan reminder failed', () => this.run());
  }

  async run(): Promise<ReminderResult[]> {
    const now = this.clock.now();
    const today = localDate(now);
    const tomorrow = addDays(today, 1);
    if (!(await this.calendars.calendar()).isWorkday(tomorrow)) return [];
    const results: ReminderResult[] = [];
    for (const group of await officialsByJurisdiction(this.rules, this.repository)) {
      const at = atLocal(today, group.rules.reminderTime).getTime();
      if (now.getTime() < at || now.getTime() >= at + WINDOW_MS) continue;
      const fireKey = `${group.rules.unitId ?? 'default'}:${tomorrow}`;
      const run = await this.locks.runOnce('plan-reminder', fireKey, () =>
        this.remind(group.officials, tomorrow),
      );
      if (run.ran && run.result) results.push(run.result);
    }
    return results;
  }

  private async remind(
    officials: Array<{ officialId: number; name: string; unitPath: string }>,
    date: string,
  ): Promise<ReminderResult> {
    const ids = officials.map((o) => o.officialId);
    const [plans, leaves] = await Promise.all([
      this.repository.findPlansOn(ids, date, ['submitted', 'published']),
      this.repository.findApprovedLeavesOn(ids, date),
    ]);
    const done = new Set([...plans.map((p) => p.officialId), ...leaves.map((l) => l.officialId)]);
    const missing = officials.filter((o) => !done.has(o.officialId));
    const recipients = await this.grants.findNotificationRecipients(
      missing.map((o) => o.officialId),
      missing.map((o) => o.unitPath),
    );
    const messages: OutgoingMessage[] = recipients.map((recipient) => {
      const count = recipient.officialId
        ? 1
        : missing.filter((o) => o.unitPath.startsWith(recipient.unitPath)).length;
      return {
        userId: recipient.userId,
        purpose: 'planReminder',
        values: {
          thing1: recipient.officialId ? '明日工作计划尚未提交' : `本单位${count}人明日计划未提交`,
          time2: chineseDate(date),
          thing3: '请在18:00前提交，按时公示',
        },
        page: recipient.officialId ? `${PLAN_EDIT_PAGE}?date=${date}` : BATCH_PAGE,
      };
    });
    // Recipients are read before the transaction: no second pooled connection while it holds one.
    await this.repository.transaction((manager) => this.outbox.enqueue(manager, messages));
    return { date, missing: missing.length, queued: messages.length };
  }
}
