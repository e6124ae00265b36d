import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { addDays, isValidDate, localDate } from '../../common/time/local-time';
import { type AuthUser } from '../auth/auth-user';
import { CacheVersionService } from '../cache/cache-version.service';
import { JOURNALS_CACHE } from '../journals/plans.service';
import type { CalendarStatus, CalendarYear } from '@jinri/shared';
import type { CalendarDay } from './calendar-day.entity';
import type { CalendarDayChange } from './calendar-day-change.entity';
import { CalendarRepository } from './calendar.repository';
import { type DayOverride, WorkCalendar } from './work-calendar';

export const CALENDAR_CACHE = 'calendar';

export type { CalendarYear, CalendarStatus };

/** The warning admins and supervisors see from December 1 while next year's calendar is not known. */
export function missingYearWarning(year: number): string {
  return `${year} 年节假日安排尚未录入，工作日计算可能不准确`;
}

/** The working-day calendar every deadline uses, with the admin's corrections (re-read on change). */
@Injectable()
export class CalendarService {
  private cached: {
    version: number;
    calendar: WorkCalendar;
    overrides: Map<string, DayOverride>;
    confirmed: Map<number, Date>;
  } | null = null;

  constructor(
    private readonly repository: CalendarRepository,
    private readonly versions: CacheVersionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async calendar(): Promise<WorkCalendar> {
    return (await this.load()).calendar;
  }

  private async load() {
    const version = await this.versions.recentVersion(CALENDAR_CACHE);
    if (this.cached?.version === version) return this.cached;
    const [rows, years] = await Promise.all([
      this.repository.findAllDays(),
      this.repository.findConfirmedYears(),
    ]);
    const overrides = new Map(
      rows.map((r) => [String(r.date).slice(0, 10), { isWorkday: r.isWorkday, name: r.name }]),
    );
    const confirmed = new Map(years.map((y) => [Number(y.year), new Date(y.confirmedAt)]));
    this.cached = {
      version,
      overrides,
      confirmed,
      calendar: new WorkCalendar(overrides, new Set(confirmed.keys())),
    };
    return this.cached;
  }

  async year(year: number): Promise<CalendarYear> {
    assertYear(year);
    const { calendar, overrides, confirmed } = await this.load();
    const days: CalendarYear['days'] = [];
    for (let date = `${year}-01-01`; date.startsWith(`${year}-`); date = addDays(date, 1)) {
      const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
      const isWorkday = calendar.isWorkday(date);
      if (isWorkday === !weekend && !overrides.has(date)) continue;
      days.push({
        date,
        isWorkday,
        name: overrides.get(date)?.name ?? (isWorkday ? '调休上班' : '法定节假日'),
        entered: overrides.has(date),
      });
    }
    const { warning } = await this.status();
    return {
      year,
      known: calendar.knows(year),
      packaged: calendar.packagedKnows(year),
      confirmedAt: confirmed.get(year)?.toISOString() ?? null,
      days,
      warning,
    };
  }

  /** From December 1 (Asia/Shanghai), a warning while next year's calendar is not known. */
  async status(): Promise<CalendarStatus> {
    const { calendar } = await this.load();
    const today = localDate(this.clock.now());
    const nextYear = Number(today.slice(0, 4)) + 1;
    const nextYearKnown = calendar.knows(nextYear);
    const warning = today.slice(5, 7) === '12' && !nextYearKnown ? missingYearWarning(nextYear) : null;
    return { today, nextYear, nextYearKnown, warning };
  }

  /** The admin enters or corrects one day (a holiday, or a worked weekend); the change is recorded. */
  async setDay(admin: AuthUser, date: string, isWorkday: boolean, name: string): Promise<CalendarYear> {
    assertCountyAdmin(admin);
    assertDate(date);
    await this.repository.saveDay(date, isWorkday, name.trim(), admin.userId);
    await this.changed();
    return this.year(Number(date.slice(0, 4)));
  }

  /** The admin removes an entry made by mistake; the day falls back to the packaged calendar. */
  async deleteDay(admin: AuthUser, date: string): Promise<CalendarYear> {
    assertCountyAdmin(admin);
    assertDate(date);
    // What was removed, by whom and when is recorded: a correction is never silently lost.
    if (!(await this.repository.deleteDay(date, admin.userId)))
      throw new AppException('CALENDAR.ENTRY_NOT_FOUND');
    await this.changed();
    return this.year(Number(date.slice(0, 4)));
  }

  /**
   * The admin confirms that a year's holidays and make-up days are entered: the year is then known
   * and the December warning stops. A year the package does not cover needs at least one entered
   * holiday first.
   */
  async confirmYear(admin: AuthUser, year: number): Promise<CalendarYear> {
    assertCountyAdmin(admin);
    assertYear(year);
    const { calendar, overrides } = await this.load();
    const entered = [...overrides].some(([date, day]) => date.startsWith(`${year}-`) && !day.isWorkday);
    if (!calendar.packagedKnows(year) && !entered) throw new AppException('CALENDAR.YEAR_EMPTY');
    if (!(await this.repository.isYearConfirmed(year))) {
      await this.repository.insertConfirmedYear(year, admin.userId);
      await this.versions.bump(CALENDAR_CACHE);
    }
    return this.year(year);
  }

  /** The record of admin entries and removals for one date, oldest first. */
  async changesOf(date: string): Promise<CalendarDayChange[]> {
    return this.repository.findChangesOf(date);
  }

  private async changed(): Promise<void> {
    await this.versions.bump(CALENDAR_CACHE);
    // GET /today pages say whether their day is worked: they are cached per journals version.
    await this.versions.bump(JOURNALS_CACHE);
  }

  async entriesOf(year: number): Promise<CalendarDay[]> {
    return this.repository.findDaysOfYear(year);
  }
}

/** Only the whole jurisdiction's (county-level) admin keeps the calendar: it governs every deadline. */
function assertCountyAdmin(admin: AuthUser): void {
  if (!admin.grants.some((g) => g.role === 'admin' && g.unitPath.split('/').filter(Boolean).length === 1)) {
    throw new AppException('AUTH.OUT_OF_SCOPE', '只有全县（本级）管理员可以维护节假日');
  }
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new AppException('COMMON.VALIDATION_FAILED', '年份有误', [
      { field: 'year', reasons: ['2000–2100'] },
    ]);
  }
}

function assertDate(date: string): void {
  if (!isValidDate(date))
    throw new AppException('COMMON.VALIDATION_FAILED', '日期有误', [
      { field: 'date', reasons: ['YYYY-MM-DD'] },
    ]);
}
