import {
  type BoardDay,
  type BoardNextWeek,
  type BoardOfficial,
  DAY_PERIOD_LABELS,
  type DayPeriod,
  DEFAULT_RULES,
} from '@jinri/shared';
import { addDays, localDate, localTime, weekday } from '../../common/time/local-time';

/**
 * THE rules of what the weekly board says (pure): one short line per published entry, 请假 /
 * 未报送 / 待公示 marks, next week's plan from the 周报 or else next week's published plans.
 * Only public facts come in: published plans' active entries, approved leave, weekly reports.
 */

/** Longest line kept in the data (the PDF layout cuts again to its column width). */
export const LINE_MAX_CHARS = 60;
/** Lines of next week's plan kept per official. */
export const NEXT_WEEK_MAX_LINES = 6;
export const TRUNCATION_MARK = '…';

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日'];

/** "周一" */
export function weekdayLabel(date: string): string {
  return `周${WEEKDAY_NAMES[weekday(date) - 1]}`;
}

/** Cuts a text to `max` characters (code points), the last one the truncation mark. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}${TRUNCATION_MARK}`;
}

/** Whitespace of any kind collapsed to one space (a plan line is printed on one line). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface BoardEntry {
  startTime: string | null;
  period: DayPeriod | null;
  place: string | null;
  what: string;
}

/** "09:00 魏庄村 调度秋粮收购进度" — time (or 上午/下午/全天), place, what; the place only when `what` lacks it. */
export function entryLine(entry: BoardEntry): string {
  const when = entry.startTime ?? (entry.period ? DAY_PERIOD_LABELS[entry.period] : null);
  const what = oneLine(entry.what);
  const place = entry.place ? oneLine(entry.place) : null;
  const parts = [when, place && !what.includes(place) ? place : null, what].filter(Boolean);
  return truncate(parts.join(' '), LINE_MAX_CHARS);
}

/** Lines of a 周报's next-week plan: one per line or numbered item, numbering and bullets dropped. */
export function weeklyPlanLines(text: string): string[] {
  return text
    .split(/\r?\n|(?<=[；;。])\s*(?=\S)/u)
    .map((line) =>
      oneLine(line)
        .replace(/^(\d+[.、．)）]|[（(]\d+[)）]|[一二三四五六七八九十]+、|[-•·*])\s*/u, '')
        .replace(/[；;]$/u, ''),
    )
    .filter((line) => line.length > 0)
    .map((line) => truncate(line, LINE_MAX_CHARS));
}

export interface BoardMember {
  officialId: number;
  name: string;
  title: string;
  /** The days the official held a post in the unit: [start, end | null] ranges. */
  tenures: Array<{ startDate: string; endDate: string | null }>;
}

export interface BoardFacts {
  /** The printed days, in order. */
  days: Array<{ date: string; workday: boolean }>;
  /** When the board is made: a day after today, or today before publication, is 待公示. */
  now: Date;
  /** Published plans' active entries by official and date, in position order. */
  plans: Map<number, Map<string, BoardEntry[]>>;
  /** Approved leave by official. */
  leaves: Map<number, Array<{ startDate: string; endDate: string }>>;
  /** The 周报 of the week: its next-week plan, by official. */
  weeklyNextPlans: Map<number, string>;
  /** Next week's published plans, by official and date. */
  nextWeekPlans: Map<number, Map<string, BoardEntry[]>>;
  resolvedByOfficial: Map<number, number>;
}

/** One day of one official, as the board prints it. */
export function boardDay(
  member: BoardMember,
  day: { date: string; workday: boolean },
  facts: BoardFacts,
): BoardDay {
  const { date } = day;
  const entries = facts.plans.get(member.officialId)?.get(date);
  if (entries && entries.length > 0) return { date, status: 'published', lines: entries.map(entryLine) };
  const inPost = member.tenures.some((t) => t.startDate <= date && (t.endDate === null || t.endDate >= date));
  if (!inPost) return { date, status: 'not_in_post', lines: [] };
  const onLeave = (facts.leaves.get(member.officialId) ?? []).some(
    (l) => l.startDate <= date && l.endDate >= date,
  );
  if (onLeave) return { date, status: 'on_leave', lines: [] };
  if (!day.workday) return { date, status: 'rest', lines: [] };
  const today = localDate(facts.now);
  const notYet = date > today || (date === today && localTime(facts.now) < DEFAULT_RULES.publicationTime);
  return { date, status: notYet ? 'pending' : 'missing', lines: [] };
}

/** Next week's plan: the 周报's when there is one, else next week's published day plans. */
export function nextWeekOf(officialId: number, facts: BoardFacts): BoardNextWeek {
  const report = facts.weeklyNextPlans.get(officialId);
  const fromReport = report ? weeklyPlanLines(report) : [];
  if (fromReport.length > 0)
    return { source: 'weekly_report', lines: fromReport.slice(0, NEXT_WEEK_MAX_LINES) };
  const plans = facts.nextWeekPlans.get(officialId);
  if (plans && plans.size > 0) {
    const lines = [...plans.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([date, entries]) =>
        entries.map((e) => truncate(`${weekdayLabel(date)} ${entryLine(e)}`, LINE_MAX_CHARS)),
      );
    return { source: 'day_plans', lines: lines.slice(0, NEXT_WEEK_MAX_LINES) };
  }
  return { source: 'none', lines: [] };
}

/** The board's people: each member's days, next week and resolved tickets. */
export function boardOfficials(members: BoardMember[], facts: BoardFacts): BoardOfficial[] {
  return members.map((m) => ({
    id: m.officialId,
    name: m.name,
    title: m.title,
    days: facts.days.map((d) => boardDay(m, d, facts)),
    nextWeek: nextWeekOf(m.officialId, facts),
    resolvedTickets: facts.resolvedByOfficial.get(m.officialId) ?? 0,
  }));
}

/**
 * The printed days of a week: its working days (调休 Saturdays included), and any rest day one of
 * the unit's officials published a plan for.
 */
export function boardDays(
  monday: string,
  isWorkday: (date: string) => boolean,
  plannedDates: ReadonlySet<string>,
): Array<{ date: string; label: string; workday: boolean }> {
  const days: Array<{ date: string; label: string; workday: boolean }> = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(monday, i);
    const workday = isWorkday(date);
    if (workday || plannedDates.has(date)) days.push({ date, label: weekdayLabel(date), workday });
  }
  return days;
}
