import { addDays, isValidDate, weekday, weekStart } from '../../common/time/local-time';

/** ISO 8601 weeks ("2026-W48": Monday to Sunday; week 1 holds the year's first Thursday). */

const WEEK_RE = /^(\d{4})-W(\d{2})$/;

/** The Monday of ISO week 1 of `year`: the week holding 4 January. */
function firstMonday(year: number): string {
  return weekStart(`${String(year).padStart(4, '0')}-01-04`);
}

/** How many ISO weeks `year` has (52 or 53). */
export function weeksInYear(year: number): number {
  return weekOf(`${year}-12-28`).week;
}

/** The ISO week holding a local date. */
export function weekOf(date: string): { year: number; week: number } {
  // The week belongs to the year of its Thursday.
  const thursday = addDays(date, 4 - weekday(date));
  const year = Number(thursday.slice(0, 4));
  const week = (Date.parse(thursday) - Date.parse(firstMonday(year))) / (7 * 86_400_000);
  return { year, week: Math.floor(week) + 1 };
}

/** "2026-W48" of the week holding a local date. */
export function isoWeekOf(date: string): string {
  const { year, week } = weekOf(date);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week, or null when it is not one ("2026-W54", "2026-48", "2026-W00"). */
export function mondayOf(isoWeek: string): string | null {
  const match = WEEK_RE.exec(isoWeek);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 2000 || year > 2999 || week < 1 || week > weeksInYear(year)) return null;
  const monday = addDays(firstMonday(year), 7 * (week - 1));
  return isValidDate(monday) ? monday : null;
}

/** "2026年第48周" as printed on the board and in its file name. */
export function weekTitle(isoWeek: string): string {
  const match = WEEK_RE.exec(isoWeek)!;
  return `${match[1]}年第${Number(match[2])}周`;
}
