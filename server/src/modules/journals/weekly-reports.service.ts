import { Inject, Injectable } from '@nestjs/common';
import type { WeeklyReportRequest, WeeklyReportView } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { addDays, atLocal, isValidDate, weekday } from '../../common/time/local-time';
import type { AuthUser } from '../auth/auth-user';
import { JournalRulesService, type JurisdictionRules } from './journal-rules.service';
import { JournalsRepository } from './journals.repository';
import { PlanAccess, WRITERS } from './plan-access';
import type { WeeklyReport } from './weekly-report.entity';

/** 周报: results of the week and next week's plan, due (by default) Sunday 12:00. */
@Injectable()
export class WeeklyReportsService {
  constructor(
    private readonly repository: JournalsRepository,
    private readonly access: PlanAccess,
    private readonly rules: JournalRulesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async save(
    user: AuthUser,
    officialId: number,
    weekStart: string,
    input: WeeklyReportRequest,
  ): Promise<WeeklyReportView> {
    const official = await this.access.official(officialId);
    this.access.assert(user, WRITERS, official);
    if (!isValidDate(weekStart) || weekday(weekStart) !== 1) throw new AppException('REPORT.INVALID_WEEK');
    const rules = await this.rules.forUnitPath(official.primaryUnitPath);
    const due = weeklyReportDueAt(weekStart, rules);
    const now = this.clock.now();
    await this.repository.upsertWeeklyReport({
      officialId,
      weekStart,
      results: input.results.trim(),
      nextWeekPlan: input.nextWeekPlan.trim(),
      submittedAt: now,
      late: now.getTime() > due.getTime(),
      submittedByUserId: user.userId,
    });
    return view((await this.repository.findWeeklyReport(officialId, weekStart))!);
  }

  async get(officialId: number, weekStart: string): Promise<WeeklyReportView> {
    await this.access.official(officialId);
    const report = isValidDate(weekStart)
      ? await this.repository.findWeeklyReport(officialId, weekStart)
      : null;
    if (!report) throw new AppException('COMMON.NOT_FOUND', '这一周还没有周报');
    return view(report);
  }
}

/** When the report of the week starting `weekStart` is due (by default Sunday 12:00). */
export function weeklyReportDueAt(
  weekStart: string,
  rules: Pick<JurisdictionRules, 'weeklyReportDueWeekday' | 'weeklyReportDueTime'>,
): Date {
  return atLocal(addDays(weekStart, rules.weeklyReportDueWeekday - 1), rules.weeklyReportDueTime);
}

export function view(report: WeeklyReport): WeeklyReportView {
  return {
    officialId: report.officialId,
    weekStart: report.weekStart,
    results: report.results,
    nextWeekPlan: report.nextWeekPlan,
    submittedAt: report.submittedAt.toISOString(),
    late: report.late,
  };
}
