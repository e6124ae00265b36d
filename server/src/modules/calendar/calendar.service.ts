import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Like } from 'typeorm';
import { CLOCK, type Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app.exception';
import { addDays, isValidDate, localDate } from '../../common/time/local-time';
import { type AuthUser } from '../auth/auth-user';
import { CacheVersionService } from '../jobs/cache-version.service';
import { JOURNALS_CACHE } from '../journals/plans.service';
import { CalendarDay } from './calendar-day.entity';
import { type DayOverride, WorkCalendar } from './work-calendar';

export const CALENDAR_CACHE = 'calendar';

export interface CalendarYear {
  year: number;
  /** False while neither the packaged calendar nor the admin has this year's holidays. */
  known: boolean;
  /** The days that differ from a plain week: holidays on weekdays, worked weekends, admin entries. */
  days: Array<{ date: string; isWorkday: boolean; name: string; entered: boolean }>;
  /** From December, a warning when next year's calendar is missing. */
  warning: string | null;
}

/** The working-day calendar every deadline uses, with the admin's corrections (re-read on change). */
@Injectable()
export class CalendarService {
  private cached: { version: number; calendar: WorkCalendar; overrides: Map<string, DayOverride> } | null =
    null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: CacheVersionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async calendar(): Promise<WorkCalendar> {
    return (await this.load()).calendar;
  }

  private async load() {
    const version = await this.versions.recentVersion(CALENDAR_CACHE);
    if (this.cached?.version === version) return this.cached;
    const rows = await this.dataSource.getRepository(CalendarDay).find();
    const overrides = new Map(
      rows.map((r) => [String(r.date).slice(0, 10), { isWorkday: r.isWorkday, name: r.name }]),
    );
    this.cached = { version, overrides, calendar: new WorkCalendar(overrides) };
    return this.cached;
  }

  async year(year: number): Promise<CalendarYear> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw new AppException('COMMON.VALIDATION_FAILED', '年份有误', [
        { field: 'year', reasons: ['2000–2100'] },
      ]);
    }
    const { calendar, overrides } = await this.load();
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
    const today = localDate(this.clock.now());
    const nextYear = Number(today.slice(0, 4)) + 1;
    const warning =
      today.slice(5, 7) === '12' && !calendar.knows(nextYear)
        ? `${nextYear} 年的节假日安排尚未录入，工单期限将只按周末计算，请管理员在国务院公布后及时录入。`
        : null;
    return { year, known: calendar.knows(year), days, warning };
  }

  /** The admin enters or corrects one day (a holiday, or a worked weekend). */
  async setDay(admin: AuthUser, date: string, isWorkday: boolean, name: string): Promise<CalendarYear> {
    if (!admin.grants.some((g) => g.role === 'admin' && g.unitPath.split('/').filter(Boolean).length === 1)) {
      throw new AppException('AUTH.OUT_OF_SCOPE', '只有全县（本级）管理员可以维护节假日');
    }
    if (!isValidDate(date))
      throw new AppException('COMMON.VALIDATION_FAILED', '日期有误', [
        { field: 'date', reasons: ['YYYY-MM-DD'] },
      ]);
    await this.dataSource
      .getRepository(CalendarDay)
      .upsert({ date, isWorkday, name: name.trim(), updatedByUserId: admin.userId }, ['date']);
    await this.versions.bump(CALENDAR_CACHE);
    // GET /today pages say whether their day is worked: they are cached per journals version.
    await this.versions.bump(JOURNALS_CACHE);
    return this.year(Number(date.slice(0, 4)));
  }

  async entriesOf(year: number): Promise<CalendarDay[]> {
    return this.dataSource
      .getRepository(CalendarDay)
      .find({ where: { date: Like(`${year}-%`) }, order: { date: 'ASC' } });
  }
}
