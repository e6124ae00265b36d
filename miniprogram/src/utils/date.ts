/**
 * Dates and times as people in the county read them: China Standard Time (Asia/Shanghai), whatever
 * the phone's own time zone. Computed by hand (a fixed +8 offset; China has no daylight saving)
 * because Intl time zone support is unreliable in mini-program JS engines.
 *
 * Local dates travel as "YYYY-MM-DD" strings (LocalDate in @jinri/shared), local times as "HH:mm".
 */
import type { LocalDate, LocalTime } from '@jinri/shared';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;
const SHORT_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
/** China Standard Time has no daylight saving: always UTC+8. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{1,2}):(\d{2})/;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A Date whose UTC fields read as China wall-clock time. */
function chinaClock(at: Date | number): Date {
  return new Date((typeof at === 'number' ? at : at.getTime()) + CHINA_OFFSET_MS);
}

/** A local date's midnight as a UTC Date (for calendar arithmetic only). */
function parseLocalDate(date: LocalDate): Date | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function toLocalDate(utcMidnight: Date): LocalDate {
  return `${utcMidnight.getUTCFullYear()}-${pad2(utcMidnight.getUTCMonth() + 1)}-${pad2(utcMidnight.getUTCDate())}`;
}

/** "11月21日 星期六" in China time, whatever the device's time zone. */
export function formatChineseDate(date: Date = new Date()): string {
  const china = chinaClock(date);
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${WEEKDAYS[china.getUTCDay()]}`;
}

/** Today's date in China, "YYYY-MM-DD". */
export function localToday(now: Date | number = Date.now()): LocalDate {
  const china = chinaClock(now);
  return toLocalDate(new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate())));
}

/** "YYYY-MM-DD" plus `days` (negative to go back). Returns the input unchanged if it is not a date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = parseLocalDate(date);
  return d ? toLocalDate(new Date(d.getTime() + days * DAY_MS)) : date;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const a = parseLocalDate(from);
  const b = parseLocalDate(to);
  return a && b ? Math.round((b.getTime() - a.getTime()) / DAY_MS) : 0;
}

/** "2026-11-24" → "11月24日 星期二". */
export function formatLocalDate(date: LocalDate): string {
  const d = parseLocalDate(date);
  return d ? `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}` : date;
}

/** "2026-11-24" → "11月24日". */
export function formatMonthDay(date: LocalDate): string {
  const d = parseLocalDate(date);
  return d ? `${d.getUTCMonth() + 1}月${d.getUTCDate()}日` : date;
}

/** "2026-11-24" → "11月24日 周二". */
export function formatDay(date: LocalDate): string {
  const d = parseLocalDate(date);
  return d ? `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${SHORT_WEEKDAYS[d.getUTCDay()]}` : date;
}

/** 0 = Sunday … 6 = Saturday (NaN if it is not a date). */
export function weekdayOf(date: LocalDate): number {
  return parseLocalDate(date)?.getUTCDay() ?? Number.NaN;
}

/** The Monday of the week `date` is in (weeks run Monday to Sunday). */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** "2026-11-24" → "周二". */
export function formatShortWeekday(date: LocalDate): string {
  const d = parseLocalDate(date);
  return d ? SHORT_WEEKDAYS[d.getUTCDay()] : '';
}

/** 今天 / 昨天 / 明天 / 前天 / 后天 for dates near `today`, otherwise null. */
export function relativeDayName(date: LocalDate, today: LocalDate): string | null {
  switch (daysBetween(today, date)) {
    case 0:
      return '今天';
    case -1:
      return '昨天';
    case 1:
      return '明天';
    case -2:
      return '前天';
    case 2:
      return '后天';
    default:
      return null;
  }
}

/** 今天 / 明天 / 昨天, otherwise "11月25日 周三" (a day picker's label). */
export function relativeDayLabel(date: LocalDate, today: LocalDate = localToday()): string {
  const diff = daysBetween(today, date);
  if (diff === 0) return '今天';
  if (diff === 1) return '明天';
  if (diff === -1) return '昨天';
  return formatDay(date);
}

/** An ISO timestamp (or epoch ms) as China wall-clock "HH:mm" ("" if it cannot be read). */
export function formatClock(at: string | number): string {
  const t = typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(t)) return '';
  const china = chinaClock(t);
  return `${pad2(china.getUTCHours())}:${pad2(china.getUTCMinutes())}`;
}

/** The China local date of an ISO timestamp ("" if it cannot be read). */
export function localDateOf(iso: string): LocalDate | '' {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : localToday(t);
}

/**
 * An ISO timestamp for a reader: "10:15" when it falls on `sameDay` (a local date), otherwise
 * "11月21日 10:15".
 */
export function formatStamp(iso: string, sameDay?: LocalDate): string {
  const day = localDateOf(iso);
  const clock = formatClock(iso);
  if (!day || day === sameDay) return clock;
  return `${formatMonthDay(day)} ${clock}`;
}

/** Minutes since local midnight in China. */
export function localMinutes(now: Date | number = Date.now()): number {
  const china = chinaClock(now);
  return china.getUTCHours() * 60 + china.getUTCMinutes();
}

/** "HH:mm" → minutes since midnight (null if it is not a time). */
export function parseClock(time: LocalTime | null | undefined): number | null {
  if (!time) return null;
  const m = TIME_RE.exec(time);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 24 && min < 60 ? h * 60 + min : null;
}

/** "HH:mm" → minutes since midnight; NaN if it is not a time (every comparison with it is false). */
export function minutesOf(time: LocalTime): number {
  return parseClock(time) ?? Number.NaN;
}

/** "08:00" → "8:00" (how times are said in a sentence). */
export function formatClockShort(time: LocalTime): string {
  return time.replace(/^0(\d):/, '$1:');
}
