/** Journals: day plans (今日工作), entries, revisions, 一日三晒 updates, leave, weekly reports. */

import type { DrawnMark } from './lotteries.js';
import type { CurrentFlag } from './rankings.js';

/** "HH:mm", local time (Asia/Shanghai). */
export type LocalTime = string;
/** "YYYY-MM-DD", a local date. */
export type LocalDate = string;

/** When an entry happens: exact times, or a part of the day (上午 / 下午 / 全天). */
export type DayPeriod = 'am' | 'pm' | 'allday';

export const DAY_PERIOD_LABELS: Record<DayPeriod, string> = { am: '上午', pm: '下午', allday: '全天' };

export interface PlanEntryInput {
  /** Keep the id of an existing entry when editing, so its history stays one line. */
  id?: number;
  startTime?: LocalTime | null;
  endTime?: LocalTime | null;
  period?: DayPeriod | null;
  place?: string | null;
  /** A village or unit the place is in (optional, for "who is in my village today"). */
  placeUnitId?: number | null;
  what: string;
  /** One of the jurisdiction's entry kinds (会议, 下村/实地 …). */
  kind: string;
  /** A standard meeting name when kind is 会议 (党委会, 周例会 …). */
  meetingName?: string | null;
  matterIds?: number[];
}

export type EntryStatus = 'active' | 'withdrawn';

export interface PlanEntryView {
  id: number;
  position: number;
  startTime: LocalTime | null;
  endTime: LocalTime | null;
  period: DayPeriod | null;
  place: string | null;
  placeUnit: { id: number; name: string } | null;
  what: string;
  kind: string;
  meetingName: string | null;
  matterIds: number[];
  status: EntryStatus;
  /** Set when the entry was added or changed after publication: shown as "已修改 HH:mm". */
  modifiedAt: string | null;
  updates: EntryUpdateView[];
}

export type PlanStatus = 'draft' | 'submitted' | 'published';

export interface DayPlanView {
  id: number;
  officialId: number;
  date: LocalDate;
  status: PlanStatus;
  /** Submitted after the deadline (default 18:00 the day before). */
  late: boolean;
  submittedAt: string | null;
  publishedAt: string | null;
  /** 0 until published; each change after publication adds one. */
  revision: number;
  /** Optimistic lock: send it back when saving; a stale one answers 409 PLAN.VERSION_CONFLICT. */
  version: number;
  entries: PlanEntryView[];
  /** 抽中: the plan was drawn by a weekly lottery (抽签晒). */
  drawn?: DrawnMark;
}

/** PUT /plans/:officialId/:date */
export interface SavePlanRequest {
  entries: PlanEntryInput[];
  /** The version read; omit when creating. */
  version?: number;
}

export interface PlanRevisionView {
  revision: number;
  kind: 'submitted' | 'published' | 'revised';
  at: string;
  /** Who changed it: 本人 / 信息员 / 管理员 (never a name of a non-official user). */
  by: string;
  entries: Array<
    Pick<PlanEntryView, 'id' | 'startTime' | 'endTime' | 'period' | 'place' | 'what' | 'kind' | 'status'>
  >;
}

/** POST /plans/check */
export interface PlanCheckRequest {
  officialId?: number;
  date?: LocalDate;
  entries: Array<{ what: string; place?: string | null; kind?: string | null }>;
}

export type PlanWarningKind = 'vague' | 'too_short' | 'repeated';

export interface PlanWarning {
  /** Index into the request's entries. */
  entryIndex: number;
  kind: PlanWarningKind;
  message: string;
  /** For repeated: the earlier entry it resembles. */
  similarTo?: { date: LocalDate; what: string; similarity: number };
}

export interface PlanCheckResponse {
  warnings: PlanWarning[];
}

/**
 * GET /today?unitId=&date=. rest_day: nothing published on a day off (周末, 节假日) — never shown as
 * 未公示; an official who publishes a plan on a rest day is 'published'.
 */
export type TodayStatus = 'published' | 'on_leave' | 'not_published' | 'rest_day';

/** Whether a date is worked, after the county's working-day calendar (State Council + admin entries). */
export interface DayStatus {
  date: LocalDate;
  isWorkday: boolean;
  /** Rest days: 周末 / 元旦 / 国庆节 …; a worked weekend: 调休上班; an ordinary working day: null. */
  name: string | null;
  /** The first working day after `date`. */
  nextWorkday: LocalDate;
}

export interface TodayPlan {
  official: { id: number; name: string; post: string; unit: { id: number; name: string } };
  status: TodayStatus;
  /** Published entries (withdrawn ones excluded here; see the revision history). */
  entries: PlanEntryView[];
  /** 抽中: this day's plan was drawn by a weekly lottery (抽签晒). */
  drawn?: DrawnMark;
}

export interface TodayResponse {
  date: LocalDate;
  /** The day's status: on a rest day say 休息日 and the next working day. (No duty roster exists yet.) */
  day: DayStatus;
  unit: { id: number; name: string; kind: string };
  plans: TodayPlan[];
  /** The unit's current 红旗 / 黄旗 (issue #14), when it holds one. */
  flag?: CurrentFlag | null;
}

/** 一日三晒: progress at noon, result in the evening. */
export type EntryUpdateKind = 'progress' | 'result';

export interface EntryUpdateInput {
  kind: EntryUpdateKind;
  text: string;
  /** Upload ids from POST /uploads (at most 9). */
  photoIds?: string[];
  /** Optional; visible to supervisors only. */
  location?: { latitude: number; longitude: number } | null;
}

export interface EntryUpdateView {
  id: number;
  kind: EntryUpdateKind;
  text: string;
  photos: Array<{ id: string; url: string; thumbUrl: string }>;
  createdAt: string;
  /** Supervisors only. */
  location?: { latitude: number; longitude: number } | null;
}

export interface UploadResponse {
  id: string;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  bytes: number;
}

export type LeaveStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

/** POST /leaves */
export interface LeaveRequest {
  officialId?: number;
  startDate: LocalDate;
  endDate: LocalDate;
  reason: string;
}

export interface LeaveView {
  id: number;
  official: { id: number; name: string };
  startDate: LocalDate;
  endDate: LocalDate;
  status: LeaveStatus;
  /** Supervisors (and the official) only. */
  reason?: string;
  createdAt: string;
  decidedAt: string | null;
}

/** PUT /weekly-reports/:officialId/:weekStart (weekStart = Monday) */
export interface WeeklyReportRequest {
  results: string;
  nextWeekPlan: string;
}

export interface WeeklyReportView {
  officialId: number;
  weekStart: LocalDate;
  results: string;
  nextWeekPlan: string;
  submittedAt: string;
  late: boolean;
}

/** GET /officials/:id/timeline?from=&to= (at most 92 days) */
export interface TimelineDay {
  date: LocalDate;
  status: TodayStatus | 'draft';
  /** The rest day's name (周末, 国庆节 …), null on a working day. */
  restDay: string | null;
  plan: DayPlanView | null;
  leave: { id: number; status: LeaveStatus } | null;
}

export interface TimelineResponse {
  official: { id: number; name: string };
  from: LocalDate;
  to: LocalDate;
  days: TimelineDay[];
  weeklyReports: WeeklyReportView[];
}

/** Batch entry for a unit (clerk): GET/PUT /units/:id/plans?date= */
export interface BatchPlansView {
  date: LocalDate;
  unit: { id: number; name: string };
  officials: Array<{ id: number; name: string; post: string; plan: DayPlanView | null; onLeave: boolean }>;
}

export interface BatchPlansRequest {
  date: LocalDate;
  plans: Array<{ officialId: number; entries: PlanEntryInput[]; version?: number }>;
}

/** A bad row of an uploaded spreadsheet (nothing is applied while any exists). */
export interface SheetRowError {
  row: number;
  column: string;
  reason: string;
}

export interface JournalRules {
  planDueTime: LocalTime;
  publicationTime: LocalTime;
  weeklyReportDueWeekday: number;
  weeklyReportDueTime: LocalTime;
  reminderTime: LocalTime;
  entryKinds: string[];
  meetingNames: string[];
}

/** POST /demo/publish (DEMO_LOGIN only): publish a date's submitted plans now, as 08:00 would. */
export interface DemoPublishRequest {
  date: LocalDate;
}

export interface DemoPublishResponse {
  published: number;
}
