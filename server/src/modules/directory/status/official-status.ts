import type { OfficialStatus } from '@jinri/shared';
import { daysBetween, minutesOf, weekday } from '../../../common/time/local-time';
import type { WorkCalendar } from '../../calendar/work-calendar';

/** Office hours of a unit: "08:30-12:00,14:30-17:30" → [[510, 720], [870, 1050]] minutes. */
export type Spans = Array<[number, number]>;

export const DEFAULT_OFFICE_HOURS = '08:30-12:00,14:30-17:30';

export function parseOfficeHours(value: string | null | undefined): Spans {
  const spans: Spans = [];
  for (const part of (value || DEFAULT_OFFICE_HOURS).split(',')) {
    const match = /^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(part);
    if (!match) continue;
    const [from, to] = [minutesOf(match[1]!.padStart(5, '0')), minutesOf(match[2]!.padStart(5, '0'))];
    if (to > from) spans.push([from, to]);
  }
  return spans.length > 0 ? spans : parseOfficeHours(DEFAULT_OFFICE_HOURS);
}

export interface StatusEntry {
  startTime: string | null;
  endTime: string | null;
  period: 'am' | 'pm' | 'allday' | null;
  place: string | null;
  what: string;
  kind: string;
}

/** One of the next working days, as far as a resident can know it. */
export interface UpcomingDay {
  /** 明天 / 周一 / 10月9日 */
  label: string;
  /** Approved leave covers the day. */
  onLeave: boolean;
  /** The day's published entries (null: nothing published for it yet). */
  entries: StatusEntry[] | null;
}

export interface StatusInput {
  /** Minutes since local midnight, now. */
  minute: number;
  isWorkday: boolean;
  /** A rest day's name (周末, 国庆节 …). */
  restDay?: string | null;
  onLeave: boolean;
  /** Today's published entries (null: nothing published today). */
  entries: StatusEntry[] | null;
  officeHours: Spans;
  /** The next working days in order (a fortnight or so), for "next time in the office". */
  upcoming: UpcomingDay[];
}

/** Kinds that mean "at a desk a resident can walk up to". */
const DESK_KINDS = new Set(['办公室坐班', '接访/接待']);
const MEETING_KINDS = new Set(['会议', '外出学习/开会']);

const hhmm = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** "上午 08:30" / "下午 14:30" / "晚上 19:00" */
export function partOfDay(minute: number): string {
  const label = minute < 12 * 60 ? '上午' : minute < 18 * 60 ? '下午' : '晚上';
  return `${label} ${hhmm(minute)}`;
}

/** The [start, end) minutes an entry occupies; a part of the day maps onto the office hours. */
export function entrySpan(entry: StatusEntry, office: Spans): [number, number] {
  const first = office[0]!;
  const last = office[office.length - 1]!;
  const noon = 12 * 60;
  if (entry.startTime) {
    const start = minutesOf(entry.startTime);
    const end = entry.endTime
      ? minutesOf(entry.endTime)
      : Math.max(
          start + 60,
          ...office
            .filter(([, to]) => to > start)
            .slice(0, 1)
            .map(([, to]) => to),
        );
    return [start, end];
  }
  if (entry.period === 'am') return [first[0], office.find(([, to]) => to <= noon)?.[1] ?? noon];
  if (entry.period === 'pm') return [office.find(([from]) => from >= noon)?.[0] ?? noon, last[1]];
  return [first[0], last[1]];
}

function describe(entry: StatusEntry): string {
  return entry.place ? `在${entry.place} ${entry.what}` : entry.what;
}

/**
 * The first office-hours minute from `from` on that is not taken by an entry away from the desk;
 * null if there is none left today.
 */
function nextFreeOfficeMinute(from: number, busy: Array<[number, number]>, office: Spans): number | null {
  for (const [open, close] of office) {
    let t = Math.max(from, open);
    let moved = true;
    while (moved && t < close) {
      moved = false;
      for (const [s, e] of busy) {
        if (s <= t && t < e) {
          t = e;
          moved = true;
        }
      }
    }
    if (t < close) return t;
  }
  return null;
}

function awaySpans(entries: StatusEntry[], office: Spans): Array<[number, number]> {
  return entries.filter((e) => !DESK_KINDS.has(e.kind)).map((e) => entrySpan(e, office));
}

/**
 * When she can next be found in the office after today: the first working day not on leave, at the
 * first office minute its published plan leaves free; a day without a published plan can only promise
 * office hours, and says so. Days skipped (leave, out all day by the published plan) are named.
 */
export function nextTimeInOffice(upcoming: UpcomingDay[], office: Spans): string {
  const skipped: string[] = [];
  let leave: string[] = [];
  const flushLeave = () => {
    if (leave.length > 0)
      skipped.push(leave.length === 1 ? `${leave[0]}请假` : `${leave[0]}至${leave.at(-1)}请假`);
    leave = [];
  };
  const say = (text: string) => [...skipped, text].join('，');
  for (const day of upcoming) {
    if (day.onLeave) {
      leave.push(day.label);
      continue;
    }
    flushLeave();
    if (!day.entries)
      return say(`${day.label}按办公时间，通常 ${hhmm(office[0]![0])} 起在办公室（日程未公示）`);
    const free = nextFreeOfficeMinute(0, awaySpans(day.entries, office), office);
    if (free !== null) return say(`${day.label}${partOfDay(free)} 起在办公室（据已公示日程）`);
    skipped.push(`${day.label}全天外出（已公示日程）`);
  }
  flushLeave();
  return say('近期暂无在办公室的安排，建议先电话联系');
}

/**
 * Where an official is now, for a resident deciding whether to make the trip. Pure: every input is
 * given, so each case of the day (before work, in an entry, between entries, leave, no plan,
 * weekend) is a unit test.
 */
export function officialStatus(input: StatusInput): OfficialStatus {
  const { minute, officeHours } = input;
  const firstOpen = officeHours[0]![0];
  const lastClose = officeHours[officeHours.length - 1]![1];
  const tomorrowText = nextTimeInOffice(input.upcoming, officeHours);

  if (!input.isWorkday && !input.entries?.length) {
    return {
      kind: 'off_hours',
      text: `今天休息（${input.restDay || '周末或节假日'}）`,
      nextInOffice: tomorrowText,
    };
  }
  if (input.onLeave) return { kind: 'on_leave', text: '今日请假', nextInOffice: tomorrowText };
  if (!input.entries) {
    const inHours = officeHours.some(([a, b]) => minute >= a && minute < b);
    return inHours
      ? { kind: 'no_plan', text: '今日未公示，可能在办公室' }
      : {
          kind: 'no_plan',
          text: '今日未公示',
          nextInOffice:
            minute < firstOpen
              ? `今天按办公时间，通常 ${hhmm(firstOpen)} 起在办公室（日程未公示）`
              : tomorrowText,
        };
  }

  const spans = input.entries
    .map((e) => ({ entry: e, span: entrySpan(e, officeHours) }))
    .sort((a, b) => a.span[0] - b.span[0]);
  const next = nextFreeOfficeMinute(minute, awaySpans(input.entries, officeHours), officeHours);
  const nextInOffice =
    next === null ? tomorrowText : next === minute ? undefined : `${partOfDay(next)} 起在办公室`;

  const current = spans.find(({ span }) => span[0] <= minute && minute < span[1]);
  if (current) {
    const until = hhmm(current.span[1]);
    const base = {
      place: current.entry.place ?? undefined,
      until,
      ...(nextInOffice ? { nextInOffice } : {}),
    };
    if (DESK_KINDS.has(current.entry.kind)) {
      return { kind: 'in_office', text: `${describe(current.entry)}（至 ${until}）`, ...base };
    }
    const kind = MEETING_KINDS.has(current.entry.kind) ? 'meeting' : 'out';
    return { kind, text: `${describe(current.entry)}（至 ${until}）`, ...base };
  }
  if (minute >= lastClose) return { kind: 'off_hours', text: '今天已下班', nextInOffice: tomorrowText };
  if (minute < firstOpen) {
    const first = spans[0];
    const text =
      first && !DESK_KINDS.has(first.entry.kind)
        ? `还未上班，今天 ${hhmm(first.span[0])} 起${describe(first.entry)}`
        : '还未上班';
    return { kind: 'off_hours', text, ...(nextInOffice ? { nextInOffice } : {}) };
  }
  const inHours = officeHours.some(([a, b]) => minute >= a && minute < b);
  if (!inHours) {
    return { kind: 'off_hours', text: '午休时间', ...(nextInOffice ? { nextInOffice } : {}) };
  }
  const upcoming = spans.find(({ span }) => span[0] > minute);
  const later = upcoming ? `，${hhmm(upcoming.span[0])} 起${describe(upcoming.entry)}` : '';
  return { kind: 'in_office', text: `在办公室${later}`, ...(nextInOffice ? { nextInOffice } : {}) };
}

/** How many working days ahead "next time in the office" looks (two weeks of leave, a long holiday). */
export const LOOKAHEAD_WORKDAYS = 10;

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** 明天, 周一 within the week, else 10月9日（周五）. */
export function dayLabel(today: string, date: string): string {
  const ahead = daysBetween(today, date);
  const name = WEEKDAYS[weekday(date) - 1]!;
  if (ahead === 1) return '明天';
  if (ahead < 7) return name;
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（${name}）`;
}

/** The next `n` working days after `today`. */
export function upcomingWorkdays(
  calendar: Pick<WorkCalendar, 'nextWorkday'>,
  today: string,
  n = LOOKAHEAD_WORKDAYS,
): string[] {
  const days: string[] = [];
  for (let day = today; days.length < n;) days.push((day = calendar.nextWorkday(day)));
  return days;
}

/** What is known of one official from today on. */
export interface OfficialDays {
  officeHours: Spans;
  /** Approved leaves that may touch today or the days ahead. */
  leaves: Array<{ startDate: string; endDate: string }>;
  /** Published, active entries by date (today and the working days ahead). */
  published: ReadonlyMap<string, StatusEntry[]>;
}

/**
 * officialStatus() for a moment on the county's working-day calendar: today's rest-day name, leave and
 * plan, and the next working days (`upcoming`, from upcomingWorkdays()). Pure: the clock is an input.
 */
export function statusAt(
  calendar: Pick<WorkCalendar, 'day'>,
  today: string,
  minute: number,
  upcoming: string[],
  official: OfficialDays,
): OfficialStatus {
  const onLeave = (date: string) => official.leaves.some((l) => l.startDate <= date && date <= l.endDate);
  const day = calendar.day(today);
  return officialStatus({
    minute,
    isWorkday: day.isWorkday,
    restDay: day.isWorkday ? null : day.name,
    onLeave: onLeave(today),
    entries: official.published.get(today) ?? null,
    officeHours: official.officeHours,
    upcoming: upcoming.map((date) => ({
      label: dayLabel(today, date),
      onLeave: onLeave(date),
      entries: official.published.get(date) ?? null,
    })),
  });
}
