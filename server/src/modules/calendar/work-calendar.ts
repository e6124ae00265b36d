import { getDayDetail, getHolidaysInRange, isWorkday as packagedIsWorkday } from 'chinese-days';
import { addDays, weekday } from '../../common/time/local-time';

export interface DayOverride {
  isWorkday: boolean;
  name: string;
}

/** A date as a resident sees it: a working day or not, and what the day is called. */
export interface DayKind {
  isWorkday: boolean;
  /** Rest days: the holiday (元旦, 国庆节 …) or 周末; worked weekends: 调休上班; other working days: null. */
  name: string | null;
}

/**
 * Working days after the State Council calendar, including weekend make-up days (调休), with the
 * admin's own entries taking precedence. The packaged calendar ends with the last published year
 * (chinese-days 1.5.7 knows 2026, not 2027): for a year it does not know, only weekends are off
 * unless the admin has entered that year.
 */
export class WorkCalendar {
  /** chinese-days formats dates on every call (a fifth of the CPU of a comment): answers are kept. */
  private readonly days = new Map<string, boolean>();
  private readonly years = new Map<number, boolean>();
  /** addWorkingDays answers: every comment asks for the same two or three deadlines of today. */
  private readonly sums = new Map<string, string>();

  constructor(
    private readonly overrides: ReadonlyMap<string, DayOverride> = new Map(),
    /** Years a county admin confirmed as entered (complete). */
    private readonly confirmedYears: ReadonlySet<number> = new Set(),
  ) {}

  isWorkday(date: string): boolean {
    const known = this.days.get(date);
    if (known !== undefined) return known;
    const override = this.overrides.get(date);
    const answer = override
      ? override.isWorkday
      : this.packagedKnows(Number(date.slice(0, 4)))
        ? packagedIsWorkday(date)
        : weekday(date) <= 5;
    if (this.days.size < 20_000) this.days.set(date, answer);
    return answer;
  }

  /** Whether `date` is worked, and its name: the admin's entry, the State Council's holiday, or 周末. */
  day(date: string): DayKind {
    const isWorkday = this.isWorkday(date);
    const weekend = weekday(date) >= 6;
    if (isWorkday && !weekend) return { isWorkday, name: null };
    const override = this.overrides.get(date);
    if (override?.name) return { isWorkday, name: override.name };
    if (isWorkday) return { isWorkday, name: '调休上班' };
    if (!override && this.packagedKnows(Number(date.slice(0, 4)))) {
      // "National Day,国庆节,3" for a holiday; a plain weekend is just "Sunday".
      const holiday = getDayDetail(date).name.split(',')[1];
      if (holiday) return { isWorkday, name: holiday };
    }
    return { isWorkday, name: weekend ? '周末' : '节假日' };
  }

  /** The working day `n` working days after `date` (n ≥ 1); `date` itself is not counted. */
  addWorkingDays(date: string, n: number): string {
    const key = `${date}+${n}`;
    const known = this.sums.get(key);
    if (known !== undefined) return known;
    const answer = this.countWorkingDays(date, n);
    if (this.sums.size < 20_000) this.sums.set(key, answer);
    return answer;
  }

  private countWorkingDays(date: string, n: number): string {
    let day = date;
    for (let left = n; left > 0;) {
      day = addDays(day, 1);
      if (this.isWorkday(day)) left -= 1;
    }
    return day;
  }

  /** The first working day after `date`. */
  nextWorkday(date: string): string {
    return this.addWorkingDays(date, 1);
  }

  /** The last working day before `date`. */
  previousWorkday(date: string): string {
    let day = addDays(date, -1);
    while (!this.isWorkday(day)) day = addDays(day, -1);
    return day;
  }

  /**
   * Whether the holidays of a year are known: packaged, or confirmed by an admin as entered. One
   * entered day is not enough (元旦 alone would silence the warning while the Spring Festival is missing).
   */
  knows(year: number): boolean {
    return this.packagedKnows(year) || this.confirmedYears.has(year);
  }

  /** Whether the packaged State Council calendar (chinese-days) covers the year. */
  packagedKnows(year: number): boolean {
    let known = this.years.get(year);
    if (known === undefined) {
      known = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
      this.years.set(year, known);
    }
    return known;
  }
}
