/** Words and numbers of the 立体像 page (pure, tested beside it). */
import { DAY_PERIOD_LABELS, type LocalDate, type RecordPlanEntry } from '@jinri/shared';

import { addDays } from '@/utils/date';

/** 0.667 → "66.7%"; null (nothing to count) → "—". */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}

/** 2 → "2 小时"; 0.5 → "0.5 小时"; null → "—". */
export function hours(value: number | null): string {
  return value === null ? '—' : `${value} 小时`;
}

export function entryTime(entry: RecordPlanEntry): string {
  if (entry.startTime) return entry.endTime ? `${entry.startTime}–${entry.endTime}` : entry.startTime;
  return entry.period ? DAY_PERIOD_LABELS[entry.period] : '';
}

/** The quick periods offered above the date pickers: the last N months up to today. */
export const QUICK_PERIODS = [
  { months: 1, label: '近1个月' },
  { months: 3, label: '近3个月' },
  { months: 6, label: '近半年' },
  { months: 12, label: '近1年' },
] as const;

/** The last `months` months up to `today`, both ends included (what the server's default does for 3). */
export function lastMonths(today: LocalDate, months: number): { from: LocalDate; to: LocalDate } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return { from: addDays(target.toISOString().slice(0, 10), 1), to: today };
}

/** "显示最近 50 条，共 120 条" when a list was capped, else null. */
export function cappedNote(shown: number, total: number): string | null {
  return total > shown ? `显示最近 ${shown} 条，共 ${total} 条；完整内容请导出PDF` : null;
}
