import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { APP_PAGES, SUPERVISION_RULES } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { GuardedTick } from '../../common/jobs/guarded-tick';
import { localDate, localTime } from '../../common/time/local-time';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { CalendarService } from '../calendar/calendar.service';
import { JobLockService } from '../jobs/job-lock.service';
import { workingDeadline } from '../tickets/ticket-deadlines';
import { FindingsRepository, type NewFinding } from './findings.repository';
import { noticeNumber } from './notice-number';
import { SelfExaminationsRepository } from './self-examinations.repository';
import { SupervisionMessages } from './supervision-messages';
import { OutboxService } from '../notifications/outbox.service';

const BATCH = 200;

/**
 * Every hour: a self-examination still pending (or returned) after its deadline becomes a
 * `self_exam_overdue` finding of the official (subject `selfexam:<id>`, dated the deadline's day),
 * with its `recorded` event and a message to the official. The finding's key makes it idempotent: a
 * second run records (and sends) nothing.
 */
@Injectable()
export class SelfExamOverdueJob {
  private readonly logger = new Logger('SelfExamOverdueJob');
  private readonly ticks = new GuardedTick({
    enabled: () => this.config.jobsEnabled,
    logger: this.logger,
    alone: true,
  });

  constructor(
    private readonly exams: SelfExaminationsRepository,
    private readonly findings: FindingsRepository,
    private readonly calendars: CalendarService,
    private readonly locks: JobLockService,
    private readonly messages: SupervisionMessages,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'self-exam-overdue' })
  async tick(): Promise<void> {
    await this.ticks.run('self-examination overdue check failed', () => this.run());
  }

  /** Once per local hour across instances. */
  async run(): Promise<number> {
    const now = this.clock.now();
    const hour = `${localDate(now)}T${localTime(now).slice(0, 2)}`;
    const run = await this.locks.runOnce('self-exam-overdue', hour, () => this.check());
    return run.result ?? 0;
  }

  /** Records the findings of overdue self-examinations not yet recorded; the number recorded. */
  async check(): Promise<number> {
    const now = this.clock.now();
    const calendar = await this.calendars.calendar();
    const explainDueAt = workingDeadline(calendar, now, SUPERVISION_RULES.explainWorkingDays);
    let recorded = 0;
    for (let afterId = 0; ;) {
      const overdue = await this.exams.findOverdue(now, afterId, BATCH);
      if (overdue.length === 0) break;
      afterId = overdue.at(-1)!.id;
      const rows: NewFinding[] = overdue.map((exam) => ({
        officialId: exam.officialId,
        unitId: exam.unitId,
        date: localDate(exam.dueAt),
        kind: 'self_exam_overdue',
        subject: `selfexam:${exam.id}`,
        evidence: {
          kind: 'self_exam_overdue',
          selfExamId: exam.id,
          noticeId: exam.noticeId,
          noticeNumber: exam.notice.number !== null ? noticeNumber(exam.notice.year, exam.notice.number) : '',
          dueAt: exam.dueAt.toISOString(),
        },
        explainDueAt,
      }));
      // The official hears of it (in-app and WeChat), only for findings new to this run: messages are
      // built before the transaction (their recipients read once) and kept for the inserted ones.
      const outgoing = await this.messages.build(
        overdue.map((exam) => ({
          officialId: exam.officialId,
          what: '书面检查逾期未提交',
          time: localDate(now),
          next: '请尽快提交，可在督查记录中说明原因',
          page: `${APP_PAGES.supervisionMine}?selfExamId=${exam.id}`,
        })),
      );
      recorded += await this.findings.transaction(async (manager) => {
        const inserted = await this.findings.record(manager, rows, {
          actorUserId: null,
          actor: '系统',
          note: '书面检查逾期未提交',
        });
        await this.outbox.enqueue(
          manager,
          inserted.flatMap((f) =>
            outgoing
              .filter(
                (m) =>
                  typeof m.page === 'string' &&
                  m.page.endsWith(`?selfExamId=${f.subject.slice('selfexam:'.length)}`),
              )
              .map((m) => ({ ...m, page: `${APP_PAGES.supervisionMine}?findingId=${f.id}` })),
          ),
        );
        return inserted.length;
      });
      if (overdue.length < BATCH) break;
    }
    if (recorded > 0) this.logger.log({ recorded }, 'self-examinations overdue');
    return recorded;
  }
}
