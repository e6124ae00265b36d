import type { OfficialStatus } from '@jinri/shared';
import { minutesOf } from '../../../common/time/local-time';

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

export interface StatusInput {
  /** Minutes since local midnight, now. */
  minute: number;
  isWorkday: boolean;
  onLeave: boolean;
  /** Today's published entries (null: nothing published today). */
  entries: StatusEntry[] | null;
  officeHours: Spans;
  /** e.g. "周一" — the next working day, for "周一 08:30 起在办公室". */
  nextWorkdayLabel: string;
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

/**
 * Where an official is now, for a resident deciding whether to make the trip. Pure: every input is
 * given, so each case of the day (before work, in an entry, between entries, leave, no plan,
 * weekend) is a unit test.
 */
export function officialStatus(input: StatusInput): OfficialStatus {
  const { minute, officeHours } = input;
  const firstOpen = officeHours[0]![0];
  const lastClose = officeHours[officeHours.length - 1]![1];
  const tomorrowText = `${input.nextWorkdayLabel} ${hhmm(firstOpen)} 起在办公室`;

  if (input.onLeave) return { kind: 'on_leave', text: '今日请假', nextInOffice: tomorrowText };
  if (!input.isWorkday && !input.entries?.length) {
    return { kind: 'off_hours', text: '今天休息（周末或节假日）', nextInOffice: tomorrowText };
  }
  if (!input.entries) {
    const inHours = officeHours.some(([a, b]) => minute >= a && minute < b);
    return inHours
      ? { kind: 'no_plan', text: '今日未公示，可能在办公室' }
      : {
          kind: 'no_plan',
          text: '今日未公示',
          nextInOffice: minute < firstOpen ? `${partOfDay(firstOpen)} 起在办公室` : tomorrowText,
        };
  }

  const spans = input.entries
    .map((e) => ({ entry: e, span: entrySpan(e, officeHours) }))
    .sort((a, b) => a.span[0] - b.span[0]);
  const away = spans.filter(({ entry }) => !DESK_KINDS.has(entry.kind)).map(({ span }) => span);
  const next = nextFreeOfficeMinute(minute, away, officeHours);
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
