import { Inject, Injectable } from '@nestjs/common';
import type { TimelineDay, TimelineResponse } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { addDays, daysBetween, localDate } from '../../common/time/local-time';
import type { AuthUser } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import { JournalsRepository } from './journals.repository';
import { INSIDERS, PlanAccess } from './plan-access';
import { dayStatus } from './day-status';
import { assertDate, PlansService } from './plans.service';
import { view as weeklyView } from './weekly-reports.service';

export const MAX_TIMELINE_DAYS = 92;

/** One official's days over a range: plans, their updates, leave and weekly reports. */
@Injectable()
export class TimelineService {
  constructor(
    private readonly repository: JournalsRepository,
    private readonly plans: PlansService,
    private readonly access: PlanAccess,
    private readonly calendars: CalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async timeline(
    viewer: AuthUser | undefined,
    officialId: number,
    from?: string,
    to?: string,
  ): Promise<TimelineResponse> {
    const official = await this.access.official(officialId);
    const end = to ?? addDays(localDate(this.clock.now()), 1);
    const start = from ?? addDays(end, -29);
    assertDate(start);
    assertDate(end);
    const span = daysBetween(start, end);
    if (span < 0)
      throw new AppException('COMMON.VALIDATION_FAILED', '开始日期应早于结束日期', [
        { field: 'from', reasons: ['after to'] },
      ]);
    if (span >= MAX_TIMELINE_DAYS) throw new AppException('RANGE.TOO_LONG');
    const insider = this.access.can(viewer, INSIDERS, official);
    const supervisor = insider && viewer!.roles.some((r) => r === 'supervisor' || r === 'admin');
    const rows = (await this.repository.findPlansInRange(officialId, start, end)).filter(
      (p) => insider || p.status === 'published',
    );
    const views = new Map((await this.plans.views(rows, supervisor)).map((v) => [v.date, v]));
    const leaves = (await this.repository.findLeavesOverlapping(officialId, start, end)).filter(
      (l) => l.status === 'approved' || (insider && l.status === 'pending'),
    );
    const calendar = await this.calendars.calendar();
    const days: TimelineDay[] = [];
    for (let i = 0; i <= span; i++) {
      const date = addDays(start, i);
      const plan = views.get(date) ?? null;
      const leave = leaves.find((l) => l.startDate <= date && l.endDate >= date) ?? null;
      const day = calendar.day(date);
      const onLeave = leave?.status === 'approved';
      const status = dayStatus(day.isWorkday, onLeave, plan?.status === 'published');
      days.push({
        date,
        // A draft stays a draft for those who may see it (unless the day is taken by leave).
        status: plan?.status === 'draft' && status !== 'on_leave' ? 'draft' : status,
        restDay: day.isWorkday ? null : day.name,
        plan,
        leave: leave ? { id: leave.id, status: leave.status } : null,
      });
    }
    const reports = await this.repository.findWeeklyReportsInRange(officialId, addDays(start, -6), end);
    return {
      official: { id: official.officialId, name: official.name },
      from: start,
      to: end,
      days,
      weeklyReports: reports.map(weeklyView),
    };
  }
}
