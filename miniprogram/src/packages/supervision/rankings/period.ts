/**
 * The periods a ranking (and an award of flags) covers: a week (Monday–Sunday), a calendar month,
 * a calendar quarter, or custom dates. Pure date arithmetic on "YYYY-MM-DD" in China time, shared
 * by the rankings, flags and trend pages and their tests.
 */
import type { FlagPeriod, LocalDate, RankingPeriod } from '@jinri/shared';

import { flagPeriodText, rangeText } from '@/components/FlagBadge';
import { addDays, daysBetween, mondayOf } from '@/utils/date';

export interface PeriodRange {
  kind: RankingPeriod;
  from: LocalDate;
  to: LocalDate;
}

export const PERIOD_OPTIONS: ReadonlyArray<{ value: RankingPeriod; label: string }> = [
  { value: 'week', label: '周' },
  { value: 'month', label: '月' },
  { value: 'quarter', label: '季度' },
  { value: 'custom', label: '自定义' },
];

/** What one period of a kind is called: 上周, 本月 … */
const UNIT_WORD: Record<FlagPeriod, string> = { week: '周', month: '月', quarter: '季度' };

/** A custom period may span at most this many days (the server says the same: 不超过一年). */
export const CUSTOM_MAX_DAYS = 366;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function parts(date: LocalDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

function monthStart(year: number, month: number): LocalDate {
  // month may run past 12 or below 1: normalise.
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${y}-${pad2(m)}-01`;
}

/** The week, month or quarter that contains `date`. */
export function periodContaining(kind: FlagPeriod, date: LocalDate): PeriodRange {
  if (kind === 'week') {
    const from = mondayOf(date);
    return { kind, from, to: addDays(from, 6) };
  }
  const [y, m] = parts(date);
  const firstMonth = kind === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  const span = kind === 'month' ? 1 : 3;
  const from = monthStart(y, firstMonth);
  return { kind, from, to: addDays(monthStart(y, firstMonth + span), -1) };
}

/** The period `steps` periods before (negative) or after (positive) `range` (custom: the same length). */
export function shiftPeriod(range: PeriodRange, steps: number): PeriodRange {
  if (range.kind === 'custom') {
    const length = daysBetween(range.from, range.to) + 1;
    return {
      kind: 'custom',
      from: addDays(range.from, steps * length),
      to: addDays(range.to, steps * length),
    };
  }
  if (range.kind === 'week') return periodContaining('week', addDays(range.from, steps * 7));
  const [y, m] = parts(range.from);
  return periodContaining(range.kind, monthStart(y, m + steps * (range.kind === 'month' ? 1 : 3)));
}

/** The last period of `kind` that has ended by `today` (上周, 上月, 上季度). */
export function lastCompleted(kind: FlagPeriod, today: LocalDate): PeriodRange {
  return shiftPeriod(periodContaining(kind, today), -1);
}

/** True once the period's last day is before today (flags are awarded only then). */
export function isOver(range: PeriodRange, today: LocalDate): boolean {
  return daysBetween(range.to, today) > 0;
}

/** How a period reads: "2026年11月", "2026年第四季度", "12月1日–7日", with 本周 / 上月 … when near today. */
export function periodLabel(range: PeriodRange, today: LocalDate): string {
  if (range.kind === 'custom') return rangeText(range.from, range.to);
  const body = flagPeriodText(range.kind, range.from, range.to);
  const current = periodContaining(range.kind, today);
  const word = UNIT_WORD[range.kind];
  if (current.from === range.from) return `${body}（本${word}）`;
  if (shiftPeriod(current, -1).from === range.from) return `${body}（上${word}）`;
  return body;
}

/** Why custom dates cannot be ranked ("" when they can). */
export function customProblem(from: LocalDate, to: LocalDate, today: LocalDate): string {
  if (daysBetween(from, to) < 0) return '开始日期不能晚于结束日期';
  if (daysBetween(today, from) > 0) return '开始日期不能晚于今天';
  if (daysBetween(from, to) >= CUSTOM_MAX_DAYS) return '期间不能超过一年';
  return '';
}

/** The period a kind switches to: the last completed one of that kind; custom keeps the dates shown. */
export function switchKind(range: PeriodRange, kind: RankingPeriod, today: LocalDate): PeriodRange {
  if (kind === 'custom') return { kind, from: range.from, to: range.to };
  return lastCompleted(kind, today);
}
