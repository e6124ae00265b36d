import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { CLOCK, type Clock } from '../../common/clock';
import { FIELD_CIPHER, type FieldCipher } from '../../common/crypto/field-cipher';
import { addDays, atLocal, chineseDate, localDate } from '../../common/time/local-time';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AuthRepository } from '../auth/auth.repository';
import { CalendarService } from '../calendar/calendar.service';
import { JobLockService } from '../jobs/job-lock.service';
import { WechatClient } from '../wechat/wechat.client';
import { JournalRulesService } from './journal-rules.service';
import { JournalsRepository } from './journals.repository';
import { officialsByJurisdiction } from './jurisdictions';

/** The reminder fires in the first half hour after the reminder time (a restart inside it still sends). */
const WINDOW_MS = 30 * 60_000;

export interface ReminderResult {
  date: string;
  missing: number;
  sent: number;
  skipped: number;
}

/**
 * At the reminder time (default 17:00) before a working day: officials with no plan for tomorrow
 * and no approved leave get a WeChat subscribe message, and so do the clerks of their units. Once
 * per jurisdiction and date across all instances (a job_runs row is the lock).
 */
@Injectable()
export class PlanReminderJob {
  private readonly logger = new Logger('PlanReminderJob');

  constructor(
    private readonly rules: JournalRulesService,
    private readonly repository: JournalsRepository,
    private readonly grants: AuthRepository,
    private readonly wechat: WechatClient,
    private readonly locks: JobLockService,
    private readonly calendars: CalendarService,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'plan-reminder' })
  async tick(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    await this.run().catch((error: unknown) => this.logger.error({ err: error }, 'plan reminder failed'));
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
    let sent = 0;
    let skipped = 0;
    for (const recipient of recipients) {
      if (!recipient.openidEnc) {
        skipped += 1;
        continue;
      }
      const count = recipient.officialId
        ? 1
        : missing.filter((o) => o.unitPath.startsWith(recipient.unitPath)).length;
      const result = await this.wechat.sendSubscribeMessage(
        recipient.userId,
        this.cipher.decrypt(recipient.openidEnc),
        'planReminder',
        {
          thing1: recipient.officialId ? '明日工作计划尚未提交' : `本单位${count}人明日计划未提交`,
          time2: `${chineseDate(date)}`,
          thing3: '请在18:00前提交，按时公示',
        },
      );
      if (result.status === 'sent') sent += 1;
      else skipped += 1;
    }
    return { date, missing: missing.length, sent, skipped };
  }
}
