import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { TIME_ZONE } from '@jinri/shared';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Local (Asia/Shanghai) calendar arithmetic. Dates are "YYYY-MM-DD", times "HH:mm". */

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

// One formatter each, built once: dayjs' tz() builds an Intl.DateTimeFormat on every call, which
// made local-date lookups the most expensive part of serving a cached /today page.
const DATE_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const TIME_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The local date of an instant. */
export function localDate(at: Date): string {
  return DATE_FORMAT.format(at);
}

/** The local "HH:mm" of an instant. */
export function localTime(at: Date): string {
  return TIME_FORMAT.format(at);
}

/** The instant of a local date and time ("2026-11-22", "18:00" → 2026-11-22T10:00:00Z). */
export function atLocal(date: string, time: string): Date {
  return dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', TIME_ZONE).toDate();
}

export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: string): number {
  const day = dayjs.utc(date).day();
  return day === 0 ? 7 : day;
}

/** The Monday of the week containing `date`. */
export function weekStart(date: string): string {
  return addDays(date, 1 - weekday(date));
}

export function isValidDate(date: string): boolean {
  return DATE_RE.test(date) && dayjs.utc(date).format('YYYY-MM-DD') === date;
}

/** "11月23日 星期一" */
export function chineseDate(date: string): string {
  const names = ['一', '二', '三', '四', '五', '六', '日'];
  const d = dayjs.utc(date);
  return `${d.month() + 1}月${d.date()}日 星期${names[weekday(date) - 1]}`;
}

/** Minutes since local midnight of "HH:mm". */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}
