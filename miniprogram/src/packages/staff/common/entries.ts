/**
 * The plan entry as it is being edited (plan editor and clerk batch entry), and how it maps to the
 * API: PlanEntryView in, PlanEntryInput out, field errors back onto entries.
 */
import {
  DAY_PERIOD_LABELS,
  PLAN_MAX_ENTRIES,
  PLAN_PLACE_MAX_LENGTH,
  PLAN_WHAT_MAX_LENGTH,
  type DayPeriod,
  type JournalRules,
  type PlanEntryInput,
  type PlanEntryView,
} from '@jinri/shared';

import { minutesOf } from '@/utils/date';

export const MAX_WHAT_LENGTH = PLAN_WHAT_MAX_LENGTH;
export const MAX_PLACE_LENGTH = PLAN_PLACE_MAX_LENGTH;
export const MAX_ENTRIES = PLAN_MAX_ENTRIES;
export const MEETING_KIND = '会议';

export interface DraftEntry {
  /** Local identity for React keys, errors and warnings; never sent. */
  key: string;
  /** The server's id of an existing entry: kept so its history stays one line. */
  id?: number;
  /** "HH:mm" or '' (none). Ignored when `period` is set. */
  startTime: string;
  endTime: string;
  period: DayPeriod | null;
  place: string;
  what: string;
  kind: string;
  meetingName: string;
}

export type EntryField = 'time' | 'startTime' | 'endTime' | 'place' | 'what' | 'kind' | 'meetingName';
/** Problems per field of one entry. */
export type EntryErrors = Partial<Record<EntryField, string>>;
/** Problems by entry key. */
export type ErrorsByKey = Record<string, EntryErrors>;

let keySeq = 0;
export function newKey(): string {
  keySeq += 1;
  return `e${Date.now().toString(36)}${keySeq}`;
}

export function emptyEntry(): DraftEntry {
  return {
    key: newKey(),
    startTime: '',
    endTime: '',
    period: null,
    place: '',
    what: '',
    kind: '',
    meetingName: '',
  };
}

export function fromView(entry: PlanEntryView): DraftEntry {
  return {
    key: newKey(),
    id: entry.id,
    startTime: entry.startTime ?? '',
    endTime: entry.endTime ?? '',
    period: entry.period,
    place: entry.place ?? '',
    what: entry.what,
    kind: entry.kind,
    meetingName: entry.meetingName ?? '',
  };
}

/** The active entries of a plan, in order, as drafts. */
export function draftsOf(entries: PlanEntryView[] | undefined | null): DraftEntry[] {
  return (entries ?? [])
    .filter((e) => e.status === 'active')
    .sort((a, b) => a.position - b.position)
    .map(fromView);
}

export function toInput(d: DraftEntry): PlanEntryInput {
  const byTime = d.period === null;
  return {
    ...(d.id !== undefined ? { id: d.id } : {}),
    startTime: byTime && d.startTime ? d.startTime : null,
    endTime: byTime && d.startTime && d.endTime ? d.endTime : null,
    period: d.period,
    place: d.place.trim() || null,
    what: d.what.trim(),
    kind: d.kind,
    meetingName: d.kind === MEETING_KIND && d.meetingName ? d.meetingName : null,
  };
}

/** What an entry says, without ids or keys: equal signatures mean nothing changed. */
export function signature(entries: DraftEntry[]): string {
  return JSON.stringify(
    entries.map((d) => {
      const { id: _id, ...content } = toInput(d);
      return content;
    }),
  );
}

/** A copy for another day or from a template: same content, new key, no server id. */
export function copyEntry(d: Omit<DraftEntry, 'key' | 'id'> & { id?: number; key?: string }): DraftEntry {
  return {
    key: newKey(),
    startTime: d.startTime,
    endTime: d.endTime,
    period: d.period,
    place: d.place,
    what: d.what,
    kind: d.kind,
    meetingName: d.meetingName,
  };
}

/** "08:30–11:30", "08:30 起", "上午", or '' when no time is chosen yet. */
export function timeLabel(d: Pick<DraftEntry, 'startTime' | 'endTime' | 'period'>): string {
  if (d.period) return DAY_PERIOD_LABELS[d.period];
  if (!d.startTime) return '';
  return d.endTime ? `${d.startTime}–${d.endTime}` : `${d.startTime} 起`;
}

/** The same for an entry from the server. */
export function viewTimeLabel(e: Pick<PlanEntryView, 'startTime' | 'endTime' | 'period'>): string {
  return timeLabel({ startTime: e.startTime ?? '', endTime: e.endTime ?? '', period: e.period });
}

/** Checks what the server would refuse, so the person learns it before sending. */
export function validateEntry(
  d: DraftEntry,
  rules: Pick<JournalRules, 'entryKinds' | 'meetingNames'>,
): EntryErrors {
  const errors: EntryErrors = {};
  const what = d.what.trim();
  if (!what) errors.what = '请填写工作内容';
  else if (what.length > MAX_WHAT_LENGTH) errors.what = `工作内容最多 ${MAX_WHAT_LENGTH} 字`;
  if (d.place.trim().length > MAX_PLACE_LENGTH) errors.place = `地点最多 ${MAX_PLACE_LENGTH} 字`;
  if (!d.kind) errors.kind = '请选择工作类别';
  else if (!rules.entryKinds.includes(d.kind)) errors.kind = '请选择标准的工作类别';
  if (d.kind === MEETING_KIND && d.meetingName && !rules.meetingNames.includes(d.meetingName)) {
    errors.meetingName = '请选择标准的会议名称';
  }
  if (d.period === null) {
    if (!d.startTime) errors.time = '请选择开始时间，或选择上午、下午、全天';
    else if (d.endTime && minutesOf(d.endTime) <= minutesOf(d.startTime)) {
      errors.endTime = '结束时间应晚于开始时间';
    }
  }
  return errors;
}

/** Errors of every entry that has any, by key. */
export function validateAll(
  entries: DraftEntry[],
  rules: Pick<JournalRules, 'entryKinds' | 'meetingNames'>,
): ErrorsByKey {
  const out: ErrorsByKey = {};
  for (const d of entries) {
    const errors = validateEntry(d, rules);
    if (Object.keys(errors).length > 0) out[d.key] = errors;
  }
  return out;
}

const SERVER_FIELDS: Record<string, EntryField> = {
  startTime: 'time',
  endTime: 'endTime',
  period: 'time',
  place: 'place',
  placeUnitId: 'place',
  what: 'what',
  kind: 'kind',
  meetingName: 'meetingName',
};

/**
 * The server's `[{ field: 'entries.0.what', reasons }]` (after any prefix such as 'plans.2.') as
 * errors on the entries that were sent, plus anything not about one entry.
 */
export function mapEntryProblems(
  problems: Array<{ field: string; reasons: string[] }>,
  sent: DraftEntry[],
): { byKey: ErrorsByKey; general: string[] } {
  const byKey: ErrorsByKey = {};
  const general: string[] = [];
  for (const p of problems) {
    const reason = p.reasons[0] ?? '内容有误';
    const m = /^entries\.(\d+)\.(\w+)/.exec(p.field);
    const entry = m ? sent[Number(m[1])] : undefined;
    if (!m || !entry) {
      general.push(reason);
      continue;
    }
    const field = SERVER_FIELDS[m[2]] ?? 'what';
    byKey[entry.key] = { ...byKey[entry.key], [field]: byKey[entry.key]?.[field] ?? reason };
  }
  return { byKey, general };
}

export function countErrors(errors: ErrorsByKey): number {
  return Object.values(errors).reduce((n, e) => n + Object.keys(e).length, 0);
}

/** Validates stored drafts (they come from storage, which anyone may have filled). */
export function isDraftEntry(v: unknown): v is DraftEntry {
  if (!v || typeof v !== 'object') return false;
  const d = v as Record<string, unknown>;
  return (
    typeof d.key === 'string' &&
    (d.id === undefined || typeof d.id === 'number') &&
    typeof d.startTime === 'string' &&
    typeof d.endTime === 'string' &&
    (d.period === null || d.period === 'am' || d.period === 'pm' || d.period === 'allday') &&
    typeof d.place === 'string' &&
    typeof d.what === 'string' &&
    typeof d.kind === 'string' &&
    typeof d.meetingName === 'string'
  );
}

/** After a version conflict: the person's entries on top of the newest plan (ids it no longer has are dropped). */
export function rebaseEntries(mine: DraftEntry[], latest: PlanEntryView[] | undefined | null): DraftEntry[] {
  const activeIds = new Set(draftsOf(latest).map((e) => e.id));
  return mine.map((e) => (e.id !== undefined && !activeIds.has(e.id) ? { ...e, id: undefined } : e));
}
