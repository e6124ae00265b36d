import { Inject, Injectable } from '@nestjs/common';
import type { OfficialStatus } from '@jinri/shared';
import { CLOCK, type Clock } from '../../../common/clock';
import { localDate, localTime, minutesOf } from '../../../common/time/local-time';
import { CalendarService } from '../../calendar/calendar.service';
import { JournalsRepository } from '../../journals/journals.repository';
import { parseOfficeHours, statusAt, type StatusEntry, upcomingWorkdays } from './official-status';

/**
 * "Where is he now, and when is he next in the office" for a list of officials, at request time:
 * three queries for any number (published plans from today over the next working days, their
 * entries, approved leaves over the same range).
 */
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
    const calendar = await this.calendars.calendar();
    const upcoming = upcomingWorkdays(calendar, today);
    const last = upcoming.at(-1) ?? today;
    const [plans, leaves] = await Promise.all([
      this.journals.findPublishedPlansBetween(ids, today, last),
      this.journals.findApprovedLeavesBetween(ids, today, last),
    ]);
    const entries = await this.journals.findEntries(plans.map((p) => p.id));
    const published = new Map<number, Map<string, StatusEntry[]>>();
    for (const plan of plans) {
      const days = published.get(plan.officialId) ?? new Map<string, StatusEntry[]>();
      days.set(
        plan.date,
        entries.filter((e) => e.dayPlanId === plan.id && e.status === 'active'),
      );
      published.set(plan.officialId, days);
    }
    const minute = minutesOf(localTime(now));
    return new Map(
      officials.map((o) => [
        o.id,
        statusAt(calendar, today, minute, upcoming, {
          officeHours: parseOfficeHours(o.officeHours),
          leaves: leaves.filter((l) => l.officialId === o.id),
          published: published.get(o.id) ?? new Map(),
        }),
      ]),
    );
  }
}
