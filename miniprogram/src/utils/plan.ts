/**
 * Reading plan entries: when they happen, in what order, and which one is happening now.
 * Pure functions over the @jinri/shared views; no UI.
 */
import {
  DAY_PERIOD_LABELS,
  type DayPeriod,
  type EntryUpdateKind,
  type LocalTime,
  type TodayStatus,
} from '@jinri/shared';

import { parseClock } from './date';

/** The fields of an entry that say when it happens (PlanEntryView and revision snapshots have them). */
export interface EntryTiming {
  startTime: LocalTime | null;
  endTime: LocalTime | null;
  period: DayPeriod | null;
}

/**
 * Office hours assumed for 上午 / 下午 / 全天 entries (minutes since midnight), used only to sort
 * and to decide what is happening now.
 */
const PERIOD_SPANS: Record<DayPeriod, [number, number]> = {
  am: [8 * 60, 12 * 60],
  pm: [14 * 60, 18 * 60],
  allday: [8 * 60, 18 * 60],
};

/** An entry with a start time but no end time counts as going on for this long (or until the next). */
const OPEN_ENDED_MINUTES = 120;

/** "09:00–11:30", "09:00", "上午", "全天", or "" when nothing is known. */
export function entryTimeLabel(entry: EntryTiming): string {
  if (entry.startTime) return entry.endTime ? `${entry.startTime}–${entry.endTime}` : entry.startTime;
  if (entry.period) return DAY_PERIOD_LABELS[entry.period] ?? '';
  return '';
}

/** Sort key: 全天 first, then by start (上午 at 08:00, 下午 at 14:00); unknown times last. */
function sortKey(entry: EntryTiming): number {
  const start = parseClock(entry.startTime);
  if (start !== null) return start;
  if (entry.period === 'allday') return -1;
  if (entry.period) return PERIOD_SPANS[entry.period][0];
  return 24 * 60;
}

/** Entries in the order of the day; stable for equal times (keeps the official's own order). */
export function sortEntries<T extends EntryTiming>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index, key: sortKey(entry) }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((x) => x.entry);
}

/**
 * The entry going on at `minutes` (since local midnight), or null. Exact times win over 上午 /
 * 下午, which win over 全天. An entry without an end time lasts until the next timed entry starts
 * (at most two hours).
 */
export function findCurrentEntry<T extends EntryTiming>(entries: readonly T[], minutes: number): T | null {
  const timed = entries
    .map((entry) => ({ entry, start: parseClock(entry.startTime), end: parseClock(entry.endTime) }))
    .filter((x): x is { entry: T; start: number; end: number | null } => x.start !== null)
    .sort((a, b) => a.start - b.start);
  for (let i = timed.length - 1; i >= 0; i--) {
    const { entry, start, end } = timed[i];
    if (minutes < start) continue;
    const nextStart = timed.find((x) => x.start > start)?.start;
    const until =
      end !== null && end > start
        ? end
        : Math.min(start + OPEN_ENDED_MINUTES, nextStart ?? Number.POSITIVE_INFINITY);
    if (minutes < until) return entry;
  }
  for (const period of ['am', 'pm', 'allday'] as const) {
    const [from, to] = PERIOD_SPANS[period];
    if (minutes < from || minutes >= to) continue;
    const found = entries.find((e) => !e.startTime && e.period === period);
    if (found) return found;
  }
  return null;
}

export const UPDATE_KIND_LABELS: Record<EntryUpdateKind, string> = { progress: '进展', result: '结果' };

/** Status of a plan as shown to people. `draft` only reaches staff (the official's own view). */
export type PlanDisplayStatus = TodayStatus | 'draft';

export const PLAN_STATUS_LABELS: Record<PlanDisplayStatus, string> = {
  published: '已公示',
  on_leave: '请假',
  not_published: '未公示',
  rest_day: '休息日',
  draft: '草稿',
};
