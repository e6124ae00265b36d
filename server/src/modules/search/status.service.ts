import { Inject, Injectable } from '@nestjs/common';
import type { OfficialStatus } from '@jinri/shared';
import { CLOCK, type Clock } from '../../common/clock';
import { addDays, localDate, localTime, minutesOf, weekday } from '../../common/time/local-time';
import { officialStatus, parseOfficeHours, type StatusEntry } from '../directory/status/official-status';
import { CalendarService } from '../calendar/calendar.service';
import type { WorkCalendar } from '../calendar/work-calendar';
import { JournalsRepository } from '../journals/journals.repository';

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** "Where is he now" for a list of officials, at request time (two queries for any number). */
@Injectable()
export class StatusService {
  constructor(
    private readonly journals: JournalsRepository,
    private readonly calendars: CalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async statuses(
    officials: Array<{ id: number; officeHours: string | null }>,
  ): Promise<Map<number, OfficialStatus>> {
    const now = this.clock.now();
    const today = localDate(now);
    const ids = [...new Set(officials.map((o) => o.id))];
    const [plans, leaves] = await Promise.all([
      this.journals.findPlansOn(ids, today, ['published']),
      this.journals.findApprovedLeavesOn(ids, today),
    ]);
    const entries = await this.journals.findEntries(plans.map((p) => p.id));
    const byOfficial = new Map<number, StatusEntry[]>();
    for (const plan of plans) {
      byOfficial.set(
        plan.officialId,
        entries.filter((e) => e.dayPlanId === plan.id && e.status === 'active'),
      );
    }
    const onLeave = new Set(leaves.map((l) => l.officialId));
    const minute = minutesOf(localTime(now));
    const calendar = await this.calendars.calendar();
    const workday = calendar.isWorkday(today);
    const next = nextWorkdayLabel(calendar, today);
    return new Map(
      officials.map((o) => [
        o.id,
        officialStatus({
          minute,
          isWorkday: workday,
          onLeave: onLeave.has(o.id),
          entries: byOfficial.get(o.id) ?? null,
          officeHours: parseOfficeHours(o.officeHours),
          nextWorkdayLabel: next,
        }),
      ]),
    );
  }
}

/** 明天, or the weekday of the next working day ("周一") when tomorrow is not one. */
export function nextWorkdayLabel(calendar: WorkCalendar, today: string): string {
  const date = calendar.nextWorkday(today);
  return date === addDays(today, 1) ? '明天' : WEEKDAYS[weekday(date) - 1]!;
}
