import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { CLOCK, type Clock } from '../../common/clock';
import { GuardedTick } from '../../common/jobs/guarded-tick';
import { addDays, atLocal, localDate, localTime, weekStart } from '../../common/time/local-time';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { JobLockService } from '../jobs/job-lock.service';
import {
  DEFAULT_JOURNAL_RULES,
  JournalRulesService,
  type JurisdictionRules,
} from '../journals/journal-rules.service';
import type { JurisdictionOfficials } from '../journals/jurisdictions';
import { weeklyReportDueAt } from '../journals/weekly-reports.service';
import { FindingsCheckService } from './findings-check.service';

/** Days the daily check catches up on after downtime (today included). */
export const CATCH_UP_DAYS = 7;
/** Weeks the weekly check catches up on (the last one due included). */
const CATCH_UP_WEEKS = 1;

interface Due {
  job: 'findings-daily' | 'findings-weekly';
  key: string;
  date: string;
  unitId: number | null;
}

/**
 * Runs the morning check every minute on every instance, each run exactly once across instances
 * (JobLockService): per jurisdiction, the daily check of a date once its publication time has come
 * (plans were due the evening before; a server down at 08:00 catches up to 7 days on its first minute
 * back), the weekly check once the weekly report is due, and the overdue tickets once an hour.
 * Keys already run are remembered here, so a quiet minute reads nothing but the rules.
 */
@Injectable()
export class FindingsCheckJob {
  private readonly logger = new Logger('FindingsCheckJob');
  private readonly ticks = new GuardedTick({
    enabled: () => this.config.jobsEnabled,
    logger: this.logger,
    alone: true,
  });
  private readonly done = new Set<string>();

  constructor(
    private readonly check: FindingsCheckService,
    private readonly rules: JournalRulesService,
    private readonly locks: JobLockService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'findings-check' })
  async tick(): Promise<void> {
    await this.ticks.run('findings check failed', () => this.run());
  }

  async run(): Promise<number> {
    const now = this.clock.now();
    let recorded = 0;
    const due = this.due(now, await this.jurisdictionRules());
    if (due.length > 0) {
      const groups = await this.check.jurisdictions();
      // One run per job and date for every jurisdiction due at once: the date is read once, not
      // once per jurisdiction (a county whose towns each set their own rules has dozens).
      const batches = new Map<string, Due[]>();
      for (const item of due) {
        const batch = `${item.job}|${item.date}`;
        batches.set(batch, [...(batches.get(batch) ?? []), item]);
      }
      for (const items of batches.values()) {
        const { job, date } = items[0]!;
        const { result } = await this.locks.runOnceEach(
          job,
          items.map((i) => i.key),
          (claimed) => {
            const chosen = items
              .filter((i) => claimed.includes(i.key))
              .map((i) => groups.find((g) => g.rules.unitId === i.unitId) ?? empty(i.unitId));
            return job === 'findings-daily'
              ? this.check.runDaily(date, chosen)
              : this.check.runWeekly(date, chosen);
          },
        );
        for (const item of items) this.done.add(`${item.job}|${item.key}`);
        if (result) recorded += result.recorded;
      }
    }
    const hour = `${localDate(now)}T${localTime(now).slice(0, 2)}`;
    if (!this.done.has(`findings-tickets|${hour}`)) {
      const { ran, result } = await this.locks.runOnce('findings-tickets', hour, () =>
        this.check.runTicketOverdue(now),
      );
      this.done.add(`findings-tickets|${hour}`);
      if (ran && result) recorded += result.recorded;
    }
    if (recorded > 0) this.logger.log({ recorded }, 'findings recorded');
    return recorded;
  }

  /** The rules of every jurisdiction, the defaults (officials under no rules row) included. */
  private async jurisdictionRules(): Promise<JurisdictionRules[]> {
    return [...(await this.rules.all()), { ...DEFAULT_JOURNAL_RULES, unitId: null, unitPath: '/' }];
  }

  /** The checks whose time has come and that this instance has not seen run. */
  private due(now: Date, all: JurisdictionRules[]): Due[] {
    const today = localDate(now);
    const due: Due[] = [];
    for (const rules of all) {
      const unit = rules.unitId ?? 'default';
      for (let back = CATCH_UP_DAYS - 1; back >= 0; back--) {
        const date = addDays(today, -back);
        if (now.getTime() < atLocal(date, rules.publicationTime).getTime()) continue;
        due.push({ job: 'findings-daily', key: `${unit}:${date}`, date, unitId: rules.unitId });
      }
      for (let back = CATCH_UP_WEEKS; back >= 0; back--) {
        const monday = addDays(weekStart(today), -7 * back);
        if (now.getTime() < weeklyReportDueAt(monday, rules).getTime()) continue;
        due.push({ job: 'findings-weekly', key: `${unit}:${monday}`, date: monday, unitId: rules.unitId });
      }
    }
    return due.filter((d) => !this.done.has(`${d.job}|${d.key}`));
  }
}

/** A jurisdiction without officials: its runs are recorded and find nothing. */
function empty(unitId: number | null): JurisdictionOfficials {
  return {
    rules: { ...DEFAULT_JOURNAL_RULES, unitId, unitPath: '/' },
    officialIds: [],
    officials: [],
  };
}
